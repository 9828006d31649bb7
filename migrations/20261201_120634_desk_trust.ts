import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`articles_stage_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_stage_history_order_idx\` ON \`articles_stage_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_stage_history_parent_id_idx\` ON \`articles_stage_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_stage_history_by_idx\` ON \`articles_stage_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`articles_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`type\` text DEFAULT 'correction',
  	\`date\` text,
  	\`text\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`articles_corrections_order_idx\` ON \`articles_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`articles_corrections_parent_id_idx\` ON \`articles_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_stage_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`from\` text,
  	\`to\` text,
  	\`by_id\` integer,
  	\`at\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_version_stage_history_order_idx\` ON \`_articles_v_version_stage_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_stage_history_parent_id_idx\` ON \`_articles_v_version_stage_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_stage_history_by_idx\` ON \`_articles_v_version_stage_history\` (\`by_id\`);`)
  await db.run(sql`CREATE TABLE \`_articles_v_version_corrections\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`type\` text DEFAULT 'correction',
  	\`date\` text,
  	\`text\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_articles_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_articles_v_version_corrections_order_idx\` ON \`_articles_v_version_corrections\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_corrections_parent_id_idx\` ON \`_articles_v_version_corrections\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`authors_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`authors_texts_order_parent\` ON \`authors_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`notes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`article_id\` integer NOT NULL,
  	\`body\` text NOT NULL,
  	\`author_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`article_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`notes_article_idx\` ON \`notes\` (\`article_id\`);`)
  await db.run(sql`CREATE INDEX \`notes_author_idx\` ON \`notes\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`notes_updated_at_idx\` ON \`notes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notes_created_at_idx\` ON \`notes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`notes_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`notes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`notes_rels_order_idx\` ON \`notes_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`notes_rels_parent_idx\` ON \`notes_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`notes_rels_path_idx\` ON \`notes_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`notes_rels_users_id_idx\` ON \`notes_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`site_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text DEFAULT 'Masthead' NOT NULL,
  	\`description\` text,
  	\`logo_url\` text,
  	\`contact_email\` text,
  	\`contact_url\` text,
  	\`policies_corrections\` text,
  	\`policies_ethics\` text,
  	\`policies_ownership\` text,
  	\`policies_diversity\` text,
  	\`policies_masthead\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`stage\` text DEFAULT 'writing';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`assignee_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`due_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`legal_hold\` integer;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`legal_hold_reason\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`not_for_publication\` integer;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`embargo_until\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`kind\` text DEFAULT 'news';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`fact_check_claim\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`fact_check_claimant\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`fact_check_verdict\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`significant_update\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`modified_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`corrected_at\` text;`)
  await db.run(sql`CREATE INDEX \`articles_stage_idx\` ON \`articles\` (\`stage\`);`)
  await db.run(sql`CREATE INDEX \`articles_assignee_idx\` ON \`articles\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_due_at_idx\` ON \`articles\` (\`due_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_legal_hold_idx\` ON \`articles\` (\`legal_hold\`);`)
  await db.run(sql`CREATE INDEX \`articles_not_for_publication_idx\` ON \`articles\` (\`not_for_publication\`);`)
  await db.run(sql`CREATE INDEX \`articles_embargo_until_idx\` ON \`articles\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`articles_corrected_at_idx\` ON \`articles\` (\`corrected_at\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_stage\` text DEFAULT 'writing';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_assignee_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_due_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_legal_hold\` integer;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_legal_hold_reason\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_not_for_publication\` integer;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_embargo_until\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_kind\` text DEFAULT 'news';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_fact_check_claim\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_fact_check_claimant\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_fact_check_verdict\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_significant_update\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_modified_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_corrected_at\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_stage_idx\` ON \`_articles_v\` (\`version_stage\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_assignee_idx\` ON \`_articles_v\` (\`version_assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_due_at_idx\` ON \`_articles_v\` (\`version_due_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_legal_hold_idx\` ON \`_articles_v\` (\`version_legal_hold\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_not_for_publication_idx\` ON \`_articles_v\` (\`version_not_for_publication\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_embargo_until_idx\` ON \`_articles_v\` (\`version_embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_corrected_at_idx\` ON \`_articles_v\` (\`version_corrected_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_desk_stage_idx\` ON \`_articles_v\` (\`version_stage\`,\`latest\`,\`version__status\`,\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_desk_assignee_idx\` ON \`_articles_v\` (\`version_assignee_id\`,\`latest\`,\`version__status\`,\`version_due_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_desk_due_idx\` ON \`_articles_v\` (\`latest\`,\`version__status\`,\`version_due_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`notes_id\` integer REFERENCES notes(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notes_id_idx\` ON \`payload_locked_documents_rels\` (\`notes_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles_stage_history\`;`)
  await db.run(sql`DROP TABLE \`articles_corrections\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_stage_history\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_corrections\`;`)
  await db.run(sql`DROP TABLE \`authors_texts\`;`)
  await db.run(sql`DROP TABLE \`notes\`;`)
  await db.run(sql`DROP TABLE \`notes_rels\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`standfirst\` text,
  	\`lead_image_id\` integer,
  	\`body\` text,
  	\`language\` text DEFAULT 'en',
  	\`slug\` text,
  	\`published_at\` text,
  	\`section\` text,
  	\`dateline\` text,
  	\`created_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`lead_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "title", "standfirst", "lead_image_id", "body", "language", "slug", "published_at", "section", "dateline", "created_by_id", "updated_at", "created_at", "_status") SELECT "id", "title", "standfirst", "lead_image_id", "body", "language", "slug", "published_at", "section", "dateline", "created_by_id", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`articles_lead_image_idx\` ON \`articles\` (\`lead_image_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_published_at_idx\` ON \`articles\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_section_idx\` ON \`articles\` (\`section\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_by_idx\` ON \`articles\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`articles_status_published_at_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_status_updated_at_idx\` ON \`articles\` (\`_status\`,\`updated_at\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_id_listing_idx\` ON \`articles\` (\`id\`,\`_status\`,\`published_at\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_standfirst\` text,
  	\`version_lead_image_id\` integer,
  	\`version_body\` text,
  	\`version_language\` text DEFAULT 'en',
  	\`version_slug\` text,
  	\`version_published_at\` text,
  	\`version_section\` text,
  	\`version_dateline\` text,
  	\`version_created_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_lead_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_title", "version_standfirst", "version_lead_image_id", "version_body", "version_language", "version_slug", "version_published_at", "version_section", "version_dateline", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_standfirst", "version_lead_image_id", "version_body", "version_language", "version_slug", "version_published_at", "version_section", "version_dateline", "version_created_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_lead_image_idx\` ON \`_articles_v\` (\`version_lead_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_published_at_idx\` ON \`_articles_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_section_idx\` ON \`_articles_v\` (\`version_section\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_by_idx\` ON \`_articles_v\` (\`version_created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`authors_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`redirects_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`authors_id\`) REFERENCES \`authors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`redirects_id\`) REFERENCES \`redirects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "authors_id", "media_id", "users_id", "redirects_id") SELECT "id", "order", "parent_id", "path", "articles_id", "authors_id", "media_id", "users_id", "redirects_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_authors_id_idx\` ON \`payload_locked_documents_rels\` (\`authors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_redirects_id_idx\` ON \`payload_locked_documents_rels\` (\`redirects_id\`);`)
}

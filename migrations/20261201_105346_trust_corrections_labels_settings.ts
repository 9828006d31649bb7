import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
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
  await db.run(sql`ALTER TABLE \`articles\` ADD \`kind\` text DEFAULT 'news';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`fact_check_claim\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`fact_check_claimant\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`fact_check_verdict\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`significant_update\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`modified_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`corrected_at\` text;`)
  await db.run(sql`CREATE INDEX \`articles_corrected_at_idx\` ON \`articles\` (\`corrected_at\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_kind\` text DEFAULT 'news';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_fact_check_claim\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_fact_check_claimant\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_fact_check_verdict\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_significant_update\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_modified_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_corrected_at\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_corrected_at_idx\` ON \`_articles_v\` (\`version_corrected_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`articles_corrections\`;`)
  await db.run(sql`DROP TABLE \`_articles_v_version_corrections\`;`)
  await db.run(sql`DROP TABLE \`authors_texts\`;`)
  await db.run(sql`DROP TABLE \`site_settings\`;`)
  await db.run(sql`DROP INDEX \`articles_corrected_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`kind\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`fact_check_claim\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`fact_check_claimant\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`fact_check_verdict\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`significant_update\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`modified_at\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`corrected_at\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_corrected_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_kind\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_fact_check_claim\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_fact_check_claimant\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_fact_check_verdict\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_significant_update\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_modified_at\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_corrected_at\`;`)
}

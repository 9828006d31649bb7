import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`articles_status_published_at_idx\` ON \`articles\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_texts_parent_order_idx\` ON \`articles_texts\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_texts_parent_order_idx\` ON \`_articles_v_texts\` (\`parent_id\`,\`order\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_status_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`articles_texts_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_texts_parent_order_idx\`;`)
}

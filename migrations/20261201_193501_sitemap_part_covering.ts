import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_status_id_updated_at_idx\`;`)
  await db.run(sql`CREATE INDEX \`articles_sitemap_part_idx\` ON \`articles\` (\`_status\`,\`id\`,\`updated_at\`,\`published_at\`,\`slug\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_sitemap_part_idx\`;`)
  await db.run(sql`CREATE INDEX \`articles_status_id_updated_at_idx\` ON \`articles\` (\`_status\`,\`id\`,\`updated_at\`,\`created_at\`);`)
}

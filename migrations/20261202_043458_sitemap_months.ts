import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_sitemap_part_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`published_month\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_published_month\` text;`)
  // Every stored article and version gets its date in UTC and its month, as collections/Articles now
  // keeps them (a date SQLite cannot read is left as it is); then the index is built, once.
  for (const [table, column] of [['articles', 'published_at'], ['_articles_v', 'version_published_at']]) {
    await db.run(
      sql.raw(`UPDATE \`${table}\` SET \`${column}\` = strftime('%Y-%m-%dT%H:%M:%fZ', \`${column}\`) WHERE \`${column}\` NOT LIKE '%Z' AND strftime('%Y-%m-%dT%H:%M:%fZ', \`${column}\`) IS NOT NULL;`),
    )
  }
  await db.run(sql`UPDATE \`articles\` SET \`published_month\` = strftime('%Y-%m', \`published_at\`) WHERE \`published_at\` IS NOT NULL;`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_published_month\` = strftime('%Y-%m', \`version_published_at\`) WHERE \`version_published_at\` IS NOT NULL;`)
  await db.run(sql`CREATE INDEX \`articles_sitemap_month_idx\` ON \`articles\` (\`_status\`,\`published_month\`,\`updated_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_sitemap_month_idx\`;`)
  await db.run(sql`CREATE INDEX \`articles_sitemap_part_idx\` ON \`articles\` (\`_status\`,\`id\`,\`updated_at\`,\`published_at\`,\`slug\`);`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`published_month\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_published_month\`;`)
}

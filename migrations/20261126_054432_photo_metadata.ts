import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`embedded_creator\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`embedded_credit\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`embedded_source\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`embedded_copyright\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`embedded_web_statement\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`embedded_date_taken\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`embedded_headline\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`embedded_title\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`embedded_description\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`embedded_creator\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`embedded_credit\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`embedded_source\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`embedded_copyright\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`embedded_web_statement\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`embedded_date_taken\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`embedded_headline\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`embedded_title\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`embedded_description\`;`)
}

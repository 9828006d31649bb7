import type { PayloadRequest } from 'payload'
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { recordIncompletePhotos } from '../collections/Media/hooks/mark-incomplete'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`media\` ADD \`incomplete\` integer;`)
  await db.run(sql`CREATE INDEX \`media_desk_incomplete_idx\` ON \`media\` (\`incomplete\`,\`created_at\`);`)
  // Every stored photo gets the flag the server now keeps.
  await recordIncompletePhotos(payload, req as PayloadRequest)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`media_desk_incomplete_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`incomplete\`;`)
}

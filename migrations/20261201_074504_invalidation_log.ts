import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`invalidations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`sequence\` numeric NOT NULL,
  	\`tags\` text NOT NULL,
  	\`origin\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`invalidations_sequence_idx\` ON \`invalidations\` (\`sequence\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`invalidations\`;`)
}

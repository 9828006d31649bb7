import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

/**
 * MongoDB's migrations (`npm run migrate:create` on a MongoDB DATABASE_URI writes them here). MongoDB
 * needs none for schema changes; this folder exists so that `npm run migrate` there never runs the
 * SQLite migrations in migrations/. Add data migrations to this list as `migrate:create` prints.
 */
export const migrations: { name: string; up: (args: MigrateUpArgs) => Promise<void>; down: (args: MigrateDownArgs) => Promise<void> }[] = []

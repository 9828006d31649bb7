import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'
import * as migration_20261202_050000_sitemap_months from './20261202_050000_sitemap_months'
import * as migration_20261202_060000_photos_to_fix from './20261202_060000_photos_to_fix'

/**
 * MongoDB's migrations (`npm run migrate:create` on a MongoDB DATABASE_URI writes them here). MongoDB
 * needs none for schema changes, only for data (a derived field filled in for stored documents); this
 * folder exists so that `npm run migrate` there never runs the SQLite migrations in migrations/. Add data migrations to this list as `migrate:create` prints.
 */
export const migrations: { name: string; up: (args: MigrateUpArgs) => Promise<void>; down: (args: MigrateDownArgs) => Promise<void> }[] = [
  { name: '20261202_050000_sitemap_months', up: migration_20261202_050000_sitemap_months.up, down: migration_20261202_050000_sitemap_months.down },
  { name: '20261202_060000_photos_to_fix', up: migration_20261202_060000_photos_to_fix.up, down: migration_20261202_060000_photos_to_fix.down },
]

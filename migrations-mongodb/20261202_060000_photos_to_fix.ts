import type { PayloadRequest } from 'payload'
import type { MigrateDownArgs, MigrateUpArgs, MongooseAdapter } from '@payloadcms/db-mongodb'
import { recordIncompletePhotos } from '@/collections/Media/hooks/mark-incomplete'

/** Every stored photo gets `incomplete`, as collections/Media now keeps it (the SQLite migration of the same name does the same). */
export async function up({ payload, req }: MigrateUpArgs): Promise<void> {
  await recordIncompletePhotos(payload, req as PayloadRequest)
}

export async function down({ payload, session }: MigrateDownArgs): Promise<void> {
  await (payload.db as unknown as MongooseAdapter).connection.collection('media').updateMany({}, { $unset: { incomplete: '' } }, { session })
}

import type { MigrateDownArgs, MigrateUpArgs, MongooseAdapter } from '@payloadcms/db-mongodb'
import type { AnyBulkWriteOperation, Document } from 'mongodb'
import { monthOf } from '@/lib/seo/sitemap-parts'

/**
 * Each stored article and version gets `publishedMonth`, as collections/Articles keeps it from the
 * publication date (migrations/20261202_043458_sitemap_months.ts does the same on SQLite). Computed
 * here by the same function as on every save, a thousand writes a round trip.
 */
const STORED = [
  { collection: 'articles', date: 'publishedAt', month: 'publishedMonth' },
  { collection: '_articles_versions', date: 'version.publishedAt', month: 'version.publishedMonth' },
]
const BATCH = 1_000

export async function up({ payload, session }: MigrateUpArgs): Promise<void> {
  const { connection } = payload.db as unknown as MongooseAdapter
  for (const { collection, date, month } of STORED) {
    const target = connection.collection(collection)
    const batch: AnyBulkWriteOperation<Document>[] = []
    for await (const doc of target.find({ [date]: { $type: 'date' } }, { projection: { [date]: 1 }, session })) {
      const value = date.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc)
      batch.push({ updateOne: { filter: { _id: doc._id }, update: { $set: { [month]: monthOf(value as Date) } } } })
      if (batch.length === BATCH) await target.bulkWrite(batch.splice(0), { session })
    }
    if (batch.length > 0) await target.bulkWrite(batch, { session })
  }
}

export async function down({ payload, session }: MigrateDownArgs): Promise<void> {
  const { connection } = payload.db as unknown as MongooseAdapter
  for (const { collection, month } of STORED) await connection.collection(collection).updateMany({}, { $unset: { [month]: '' } }, { session })
}

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

/*
 * The articles collection as the database adapter holds it, for the few reader reads that Payload's
 * own query building makes cost more than a page may at 100,000 articles (lib/content/sitemap-months.ts,
 * lib/content/listing-ids.ts say why each). Whoever reads through it writes out the readers' rule itself.
 */

/** The part of a Mongoose model these reads use (lean queries: plain objects, no hooks). */
export interface MongoQuery<T> {
  sort(by: Record<string, 1 | -1>): MongoQuery<T>
  skip(n: number): MongoQuery<T>
  limit(n: number): MongoQuery<T>
  lean(): Promise<T>
}
export interface MongoModel {
  findOne(filter: object, projection: object): MongoQuery<Record<string, unknown> | null>
  find(filter: object, projection: object): MongoQuery<Record<string, unknown>[]>
  aggregate(pipeline: object[]): PromiseLike<Record<string, unknown>[]>
}

export type SqliteTable = SQLiteAdapter['tables'][string]
export type NativeArticles = { kind: 'sqlite'; adapter: SQLiteAdapter; table: SqliteTable } | { kind: 'mongodb'; model: MongoModel }

export function nativeArticles(payload: Payload): NativeArticles {
  if (payload.db.name === 'mongoose') return { kind: 'mongodb', model: (payload.db as unknown as { collections: Record<string, MongoModel> }).collections.articles! }
  const adapter = payload.db as unknown as SQLiteAdapter
  return { kind: 'sqlite', adapter, table: adapter.tables.articles! }
}

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { and, asc, eq, gte, lt, max, sql, type SQL } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'
import type { Id } from './populated'
import type { SitemapArticle } from './sitemap-queries'

/*
 * The sitemaps' reads of published articles by id range, straight through the database adapter,
 * because at 100,000 articles Payload's way costs more than a page may: an articles part (5,000)
 * spent 650 ms on Payload's per-document work around a 30 ms query; the index counted every
 * published article once per part (a paginated read; MongoDB's adapter ignores `page` without one)
 * and sorted each part's articles to date it. These are the only reader reads that bypass Payload's
 * access control, so each writes out the readers' rule itself: published articles only (as
 * lib/content/published.ts's PUBLISHED), and only the fields a sitemap shows.
 */

/** Published articles with `from` ≤ id < `to`; an absent end is open. */
interface Range {
  from?: Id
  to?: Id
}

/** The part of a Mongoose model these reads use (lean queries: plain objects, no hooks). */
interface MongoQuery<T> {
  sort(by: Record<string, 1 | -1>): MongoQuery<T>
  skip(n: number): MongoQuery<T>
  limit(n: number): MongoQuery<T>
  lean(): Promise<T>
}
interface MongoModel {
  findOne(filter: object, projection: object): MongoQuery<Record<string, unknown> | null>
  find(filter: object, projection: object): MongoQuery<Record<string, unknown>[]>
}

type Table = SQLiteAdapter['tables'][string]
type Native = { kind: 'sqlite'; adapter: SQLiteAdapter; table: Table } | { kind: 'mongodb'; model: MongoModel }

function native(payload: Payload): Native {
  if (payload.db.name === 'mongoose') return { kind: 'mongodb', model: (payload.db as unknown as { collections: Record<string, MongoModel> }).collections.articles! }
  const adapter = payload.db as unknown as SQLiteAdapter
  return { kind: 'sqlite', adapter, table: adapter.tables.articles! }
}

const mongoFilter = ({ from, to }: Range) => ({
  _status: 'published',
  ...(from === undefined && to === undefined ? {} : { _id: { ...(from === undefined ? {} : { $gte: from }), ...(to === undefined ? {} : { $lt: to }) } }),
})

function sqliteWhere(table: Table, { from, to }: Range): SQL | undefined {
  return and(eq(table._status, 'published'), from === undefined ? undefined : gte(table.id, from), to === undefined ? undefined : lt(table.id, to))
}

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null)

/** The id `offset` places after the first published article with id ≥ `from` (an offset walk of the id index). */
export async function idAfter(payload: Payload, from: Id | undefined, offset: number): Promise<Id | undefined> {
  const db = native(payload)
  if (db.kind === 'mongodb') {
    const doc = await db.model.findOne(mongoFilter({ from }), { _id: 1 }).sort({ _id: 1 }).skip(offset).lean()
    return doc ? String(doc._id) : undefined
  }
  const [row] = await db.adapter.drizzle.select({ id: db.table.id }).from(db.table).where(sqliteWhere(db.table, { from })).orderBy(asc(db.table.id)).limit(1).offset(offset)
  return row?.id as Id | undefined
}

/** The latest update among the range's published articles (SQLite: a max() over articles_sitemap_part_idx). */
export async function lastUpdate(payload: Payload, range: Range): Promise<string | null> {
  const db = native(payload)
  if (db.kind === 'mongodb') {
    const doc = await db.model.findOne(mongoFilter(range), { updatedAt: 1 }).sort({ updatedAt: -1 }).lean()
    return iso(doc?.updatedAt)
  }
  const [row] = await db.adapter.drizzle.select({ last: max(db.table.updatedAt) }).from(db.table).where(sqliteWhere(db.table, range))
  return iso(row?.last)
}

/** Up to `limit` published articles from `from` on, in id order, with what a sitemap lists of each. */
export async function articlesFrom(payload: Payload, from: Id | undefined, limit: number): Promise<SitemapArticle[]> {
  const db = native(payload)
  if (db.kind === 'mongodb') {
    const docs = await db.model.find(mongoFilter({ from }), { slug: 1, publishedAt: 1, updatedAt: 1 }).sort({ _id: 1 }).limit(limit).lean()
    return docs.map((doc) => ({ slug: String(doc.slug), publishedAt: iso(doc.publishedAt), updatedAt: iso(doc.updatedAt)! }))
  }
  // One row holding the part, not thousands: libsql's client builds each row as an object, a property
  // defined at a time, which with drizzle's mapping took 35 ms for 5,000 at 100,000 articles, and the garbage
  // more in the server; SQLite joins the fields itself in 10. Neither separator (ASCII's unit and
  // record separators) can be in a slug (lib/text/slug.ts) or an ISO date.
  const part = db.adapter.drizzle
    .select({ id: db.table.id, slug: db.table.slug, publishedAt: db.table.publishedAt, updatedAt: db.table.updatedAt })
    .from(db.table)
    .where(sqliteWhere(db.table, { from }))
    .orderBy(asc(db.table.id))
    .limit(limit)
    .as('part')
  const [row] = await db.adapter.drizzle
    .select({
      lines: sql<string | null>`group_concat(${part.slug} || char(31) || coalesce(${part.publishedAt}, '') || char(31) || ${part.updatedAt}, char(30) ORDER BY ${part.id})`,
    })
    .from(part)
  if (!row?.lines) return []
  return row.lines.split(RECORD).map((line) => {
    const [slug = '', publishedAt = '', updatedAt = ''] = line.split(UNIT)
    return { slug, publishedAt: publishedAt || null, updatedAt }
  })
}

const UNIT = '\u001f'
const RECORD = '\u001e'

import { and, asc, eq, gte, lt, sql, type SQL } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'
import { nativeArticles, type SqliteTable } from '@/lib/platform/native-articles'
import type { Id } from './populated'
import type { SitemapArticle } from './sitemap-queries'

/*
 * The sitemaps' reads of published articles by id range, straight through the database adapter,
 * because at 100,000 articles Payload's way costs more than a page may: an articles part (5,000)
 * spent 650 ms on Payload's per-document work around a 30 ms query; the index counted every
 * published article once per part (a paginated read; MongoDB's adapter ignores `page` without one)
 * and sorted each part's articles to date it. Bypassing Payload's access control, each writes out the
 * readers' rule itself: published articles only (as lib/content/published.ts's PUBLISHED), and only
 * the fields a sitemap shows.
 */

/** Published articles with `from` ≤ id < `to`; an absent end is open. */
interface Range {
  from?: Id
  to?: Id
}

const mongoFilter = ({ from, to }: Range) => ({
  _status: 'published',
  ...(from === undefined && to === undefined ? {} : { _id: { ...(from === undefined ? {} : { $gte: from }), ...(to === undefined ? {} : { $lt: to }) } }),
})

const published = (table: SqliteTable) => eq(table._status, 'published')

function sqliteWhere(table: SqliteTable, { from, to }: Range): SQL | undefined {
  return and(published(table), from === undefined ? undefined : gte(table.id, from), to === undefined ? undefined : lt(table.id, to))
}

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null)

/**
 * The first id of every part of `size` published articles in id order, after the first part (which
 * starts at the beginning): each `size` places after the previous start. SQLite walks the id index
 * in one recursive statement; one query a part cost ~0.5 ms more each (50 parts at 100,000 articles).
 */
export async function partStarts(payload: Payload, size: number): Promise<Id[]> {
  const db = nativeArticles(payload)
  if (db.kind === 'mongodb') {
    const starts: Id[] = []
    const after = async (from: Id | undefined) => {
      const doc = await db.model.findOne(mongoFilter({ from }), { _id: 1 }).sort({ _id: 1 }).skip(size).lean()
      return doc ? String(doc._id) : undefined
    }
    for (let from = await after(undefined); from !== undefined; from = await after(from)) starts.push(from)
    return starts
  }
  const t = db.table
  const rows: unknown[][] = await db.adapter.drizzle.values(sql`
    WITH RECURSIVE starts(id) AS (
      SELECT (SELECT ${t.id} FROM ${t} WHERE ${published(t)} ORDER BY ${t.id} LIMIT 1 OFFSET ${size})
      UNION ALL
      SELECT (SELECT ${t.id} FROM ${t} WHERE ${published(t)} AND ${t.id} >= starts.id ORDER BY ${t.id} LIMIT 1 OFFSET ${size})
      FROM starts WHERE starts.id IS NOT NULL
    )
    SELECT id FROM starts WHERE id IS NOT NULL`)
  return rows.map((row) => row[0] as Id)
}

/**
 * Per part (the first from the beginning, then one from each of `starts`), the latest update among
 * its published articles. SQLite: one statement, a max() per part over articles_sitemap_part_idx.
 */
export async function lastUpdates(payload: Payload, starts: Id[]): Promise<(string | null)[]> {
  const bounds = [undefined, ...starts].map((from, index): Range => ({ from, to: starts[index] }))
  const db = nativeArticles(payload)
  if (db.kind === 'mongodb') {
    return Promise.all(
      bounds.map(async (range) => iso((await db.model.findOne(mongoFilter(range), { updatedAt: 1 }).sort({ updatedAt: -1 }).lean())?.updatedAt)),
    )
  }
  const t = db.table
  // The bounds as one JSON parameter; an open end is the smallest or largest id SQLite can hold.
  const json = JSON.stringify(bounds.map(({ from, to }) => [from ?? null, to ?? null]))
  const rows: unknown[][] = await db.adapter.drizzle.values(sql`
    SELECT (
      SELECT max(${t.updatedAt}) FROM ${t}
      WHERE ${published(t)} AND ${t.id} >= coalesce(bound.value ->> 0, -9223372036854775808)
        AND ${t.id} < coalesce(bound.value ->> 1, 9223372036854775807)
    )
    FROM json_each(${json}) AS bound ORDER BY bound.key`)
  return rows.map((row) => iso(row[0]))
}

/** Up to `limit` published articles from `from` on, in id order, with what a sitemap lists of each. */
export async function articlesFrom(payload: Payload, from: Id | undefined, limit: number): Promise<SitemapArticle[]> {
  const db = nativeArticles(payload)
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

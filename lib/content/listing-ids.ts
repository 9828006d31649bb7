import { and, asc, desc, eq, sql, type SQL } from '@payloadcms/db-sqlite/drizzle'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, Where } from 'payload'
import { nativeArticles, type SqliteTable } from '@/lib/platform/native-articles'
import type { Id } from './populated'

/*
 * Which published articles a page of a reader listing shows, newest first, and how many there are,
 * read on SQLite straight from the indexes. Payload's query for a tag or an author (a hasMany field,
 * in a table of its own) joins that table, takes the distinct articles and counts them with a window
 * over the join: 24 ms for a tag of 7,500 articles at 100,000, where the index answers in 2 + 6. And
 * its deepest `/page/n` skipped 100,000 whole rows (16 ms) where the date index, read from its other
 * end, skips none. Only ids come from here: the page's articles are then read through Payload with
 * access control on, so a mistake here could drop an article from a page, never show a draft.
 *
 * MongoDB needs none of it: Payload's own query there is one walk of a listing index
 * (lib/platform/mongo-indexes.ts), the tag or author included, as the adapter tests check.
 */

export type Listing = { by: 'latest' } | { by: 'section'; section: string } | { by: 'author'; author: Id } | { by: 'tag'; tag: string }

/** The same listing as Payload's query (MongoDB's way, and the articles' read once their ids are known). */
export function listingWhere(listing: Listing): Where {
  switch (listing.by) {
    case 'latest':
      return {}
    case 'section':
      return { section: { equals: listing.section } }
    case 'author':
      return { authors: { in: [listing.author] } }
    case 'tag':
      return { tagSlugs: { in: [listing.tag] } }
  }
}

export interface IdPage {
  ids: Id[]
  totalDocs: number
}

/**
 * Up to this many matches, a tag's or author's articles are found by id and sorted (~1 µs each);
 * past it, the date index is walked until the page is full, each entry checked against them (a tag
 * of 7,500: 2 ms walking where sorting took 10).
 */
export const SORT_UP_TO = 1_000

/** The ids of page `page` (from 1) of `listing` and its count; null where Payload's own query does as well (MongoDB). */
export async function listingIdPage(payload: Payload, listing: Listing, page: number, limit: number, sortUpTo = SORT_UP_TO): Promise<IdPage | null> {
  const db = nativeArticles(payload)
  if (db.kind === 'mongodb') return null
  const { adapter, table } = db
  const [counted] = await adapter.drizzle
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(and(eq(table._status, 'published'), matching(adapter, table, listing, 'probe')))
  const totalDocs = Number(counted?.n ?? 0)
  const offset = (page - 1) * limit
  const size = Math.min(limit, totalDocs - offset)
  if (size <= 0) return { ids: [], totalDocs }
  // Past the middle, the oldest first from the other end: fewer entries skipped.
  const fromEnd = offset > totalDocs / 2
  const rows = await adapter.drizzle
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table._status, 'published'), matching(adapter, table, listing, totalDocs > sortUpTo ? 'walk' : 'probe')))
    .orderBy(...(fromEnd ? [asc(table.publishedAt), asc(table.id)] : [desc(table.publishedAt), desc(table.id)]))
    .limit(size)
    .offset(fromEnd ? totalDocs - offset - size : offset)
  const ids = rows.map((row) => row.id as Id)
  return { ids: fromEnd ? ids.reverse() : ids, totalDocs }
}

/**
 * The listing's own condition. For a tag or an author, `probe` looks each of its articles up by id
 * (for counting, and for sorting a few); `walk` hides the id from the planner (the unary `+`), so that
 * it walks the date index instead.
 */
function matching(adapter: SQLiteAdapter, table: SqliteTable, listing: Listing, plan: 'probe' | 'walk'): SQL | undefined {
  const id = plan === 'walk' ? sql`+${table.id}` : sql`${table.id}`
  switch (listing.by) {
    case 'latest':
      return undefined
    case 'section':
      return eq(table.section, listing.section)
    case 'tag': {
      const texts = adapter.tables.articles_texts!
      return sql`${id} IN (SELECT ${texts.parent} FROM ${texts} WHERE ${texts.text} = ${listing.tag} AND ${texts.path} = 'tagSlugs')`
    }
    case 'author': {
      const rels = adapter.tables.articles_rels!
      return sql`${id} IN (SELECT ${rels.parent} FROM ${rels} WHERE ${rels.authorsID} = ${listing.author} AND ${rels.path} = 'authors')`
    }
  }
}

import { and, asc, desc, eq, sql, type SQL } from '@payloadcms/db-sqlite/drizzle'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { SQLiteColumn } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { Payload, Where } from 'payload'
import { nativeArticles } from '@/lib/platform/native-articles'
import type { Id } from './populated'

/*
 * Which published articles a page of a reader listing shows, newest first, and how many there are,
 * read on SQLite straight from the indexes. Payload's query for a tag or an author (a hasMany field,
 * in a table of its own) joins that table, takes the distinct articles and counts them with a window
 * over the join: 24 ms for a tag of 7,500 articles at 100,000, where the indexes answer in 3. And
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
 * past it, the date index is walked until the page is full, each entry checked against the field's
 * table (a tag of 7,500: 0.1 ms walking where sorting took 10; a walk's length grows as the matches
 * thin out, hence the bound).
 */
export const SORT_UP_TO = 1_000

/** The ids of page `page` (from 1) of `listing` and its count; null where Payload's own query does as well (MongoDB). */
export async function listingIdPage(payload: Payload, listing: Listing, page: number, limit: number, sortUpTo = SORT_UP_TO): Promise<IdPage | null> {
  const db = nativeArticles(payload)
  if (db.kind === 'mongodb') return null
  const { adapter, table } = db
  const membership = members(adapter, listing)
  // Among a tag's or an author's articles: `probe` looks each of them up by id; `walk` walks an index
  // of the articles instead, asking the field's table of each entry whether it is one (an index probe:
  // a tag of 7,500 took 0.1 ms to fill a page, where matching against the list of its articles, built
  // first, took 2).
  const among = (plan: 'probe' | 'walk') =>
    membership ? (plan === 'walk' ? sql`EXISTS (${membership.rows} AND ${membership.parent} = ${table.id})` : sql`${table.id} IN (${membership.rows})`) : undefined
  const listed = and(eq(table._status, 'published'), listing.by === 'section' ? eq(table.section, listing.section) : undefined)
  // A tag's or an author's count: its articles (the field's table alone) less the unpublished ones,
  // found by walking the drafts (few) rather than looking up each of its articles (a tag of 7,500:
  // 1 ms, where the lookups took 6). `_status` is 'draft' or 'published'; Payload reads none as a draft.
  const counted = membership
    ? sql`SELECT (SELECT count(DISTINCT parent) FROM (${membership.rows})) - (SELECT count(*) FROM ${table} WHERE (${table._status} = 'draft' OR ${table._status} IS NULL) AND ${among('walk')})`
    : sql`SELECT count(*) FROM ${table} WHERE ${listed}`
  const [row]: unknown[][] = await adapter.drizzle.values(counted)
  const totalDocs = Number(row?.[0] ?? 0)
  const offset = (page - 1) * limit
  const size = Math.min(limit, totalDocs - offset)
  if (size <= 0) return { ids: [], totalDocs }
  // Past the middle, the oldest first from the other end: fewer entries skipped.
  const fromEnd = offset > totalDocs / 2
  const rows = await adapter.drizzle
    .select({ id: table.id })
    .from(table)
    .where(and(listed, among(totalDocs > sortUpTo ? 'walk' : 'probe')))
    .orderBy(...(fromEnd ? [asc(table.publishedAt), asc(table.id)] : [desc(table.publishedAt), desc(table.id)]))
    .limit(size)
    .offset(fromEnd ? totalDocs - offset - size : offset)
  const found = rows.map((row) => row.id as Id)
  return { ids: fromEnd ? found.reverse() : found, totalDocs }
}

/**
 * A tag's or an author's articles, published or not, from the hasMany field's own table: the rows
 * (a column `parent`) and the column holding the article; null for the other listings.
 */
function members(adapter: SQLiteAdapter, listing: Listing): { rows: SQL; parent: SQLiteColumn } | null {
  if (listing.by === 'tag') {
    const texts = adapter.tables.articles_texts!
    return { rows: sql`SELECT ${texts.parent} AS parent FROM ${texts} WHERE ${texts.text} = ${listing.tag} AND ${texts.path} = 'tagSlugs'`, parent: texts.parent }
  }
  if (listing.by === 'author') {
    const rels = adapter.tables.articles_rels!
    return { rows: sql`SELECT ${rels.parent} AS parent FROM ${rels} WHERE ${rels.authorsID} = ${listing.author} AND ${rels.path} = 'authors'`, parent: rels.parent }
  }
  return null
}

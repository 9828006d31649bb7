import type { SearchQuery } from './query'

/**
 * The one interface between the reader's search (and related stories) and whatever answers it:
 * SQLite FTS5 (sqlite-fts.ts), MongoDB's `$text` (mongo-text.ts) or Atlas Search (the same module,
 * `SEARCH_ENGINE=atlas`). It holds published articles only, written by lib/search/sync.ts; readers'
 * pages read articles themselves (with access control) by the ids it returns. A dedicated engine
 * (Meilisearch, OpenSearch) for a very large archive is one more implementation of this interface.
 */
export interface SearchEntry {
  /** The article's id, as a string (SQLite's numbers, MongoDB's ObjectIds). */
  id: string
  headline: string
  standfirst: string
  body: string
  /** Tags, author names, section label: found, weighted between the standfirst and the body. */
  extra: string
  section: string | null
  /** Author ids, as strings. */
  authors: string[]
  /** ISO date, for sort=date. */
  publishedAt: string | null
}

export interface SearchOptions {
  query: SearchQuery
  section: string | null
  /** Only articles by this author (an id as a string). */
  author: string | null
  sort: 'relevance' | 'date'
  offset: number
  limit: number
}

export interface SearchHit {
  id: string
  /** The body text as indexed, for the snippet. */
  body: string
}

export interface SearchResults {
  total: number
  hits: SearchHit[]
}

export interface SearchEngine {
  readonly name: string
  /** Creates the table or index when missing (idempotent; at start). */
  prepare(): Promise<void>
  /** Writes these entries, replacing any indexed under the same ids, in one write (a rebuild's page at a time). */
  upsert(entries: SearchEntry[]): Promise<void>
  /**
   * Writes entries of articles not indexed yet (just created, or after `clear()`), sparing the
   * removal an upsert does first; one that is indexed after all is replaced, as by `upsert`.
   */
  add(entries: SearchEntry[]): Promise<void>
  remove(id: string): Promise<void>
  /** Empties the index (a full rebuild). */
  clear(): Promise<void>
  search(options: SearchOptions): Promise<SearchResults>
  /** Up to `limit` articles sharing the most of these words (folded), never `id` itself. */
  related(id: string, words: string[], limit: number): Promise<string[]>
  /** How many articles are indexed. */
  size(): Promise<number>
  /** Everything indexed, by id (for checks and tests: what a rebuild must reproduce). */
  entries(): Promise<SearchEntry[]>
}

/** Relative weights of the fields: a headline match ranks above a standfirst match, above a body match. */
export const WEIGHTS = { headline: 10, standfirst: 4, extra: 3, body: 1 } as const

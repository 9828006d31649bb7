import type { MongooseAdapter } from '@payloadcms/db-mongodb'

/**
 * The MongoDB indexes that serve the reader's and the editors' dashboard's queries, which Payload's
 * own (one per `index: true` field) do not: without them home, `/page/n`, section, author and tag
 * listings, the sitemap parts and each list on the dashboard sort every matching document in memory
 * (MongoDB's blocking sort, capped at 100 MB), and saving a photo scans every article for the ones it
 * illustrates. SQLite's equivalents are in payload.config.ts.
 *
 * Each key is an equality prefix (what the query filters on), then the sort exactly as the adapter
 * sends it: the query's own sort plus the `createdAt` Payload appends to every sort that has no
 * unique field. tests/int/mongodb-indexes.test.ts checks every reader query against this list.
 */
export type IndexKey = Record<string, 1 | -1>
export interface IndexSpec {
  /** The MongoDB collection (a collection's versions live in `_<slug>_versions`). */
  collection: 'articles' | 'authors' | 'media' | '_articles_versions' | 'notes' | 'payload-jobs'
  name: string
  key: IndexKey
}

const LISTING_ORDER: IndexKey = { publishedAt: -1, _id: -1, createdAt: -1 }

export const READER_INDEXES: IndexSpec[] = [
  // Home, /page/n, the news sitemap and every "newest article" read.
  { collection: 'articles', name: 'reader_latest', key: { _status: 1, ...LISTING_ORDER } },
  { collection: 'articles', name: 'reader_section', key: { section: 1, _status: 1, ...LISTING_ORDER } },
  { collection: 'articles', name: 'reader_author', key: { authors: 1, _status: 1, ...LISTING_ORDER } },
  { collection: 'articles', name: 'reader_tag', key: { tagSlugs: 1, _status: 1, ...LISTING_ORDER } },
  // /corrections and its feed: published articles carrying a correction, the latest corrected first.
  { collection: 'articles', name: 'reader_corrections', key: { _status: 1, correctedAt: -1, _id: -1, createdAt: -1 } },
  // The sitemap index: each month's latest update, the first entry of its run (a part is read by
  // publication date, as home is).
  { collection: 'articles', name: 'sitemap_months', key: { _status: 1, publishedMonth: 1, updatedAt: -1 } },
  { collection: 'authors', name: 'sitemap_authors', key: { _id: 1, createdAt: -1 } },
  // The admin's articles list by date, drafts included (Payload reads the collection itself here).
  { collection: 'articles', name: 'admin_list_published', key: { publishedAt: -1, createdAt: -1 } },
  { collection: 'articles', name: 'admin_list_updated', key: { updatedAt: -1, createdAt: -1 } },
  // A media save finds the articles and authors it appears on (hooks/expire-pages.ts, seed/importer/index.ts).
  // Payload sorts them by `createdAt` descending when no sort is given.
  { collection: 'articles', name: 'lead_image', key: { leadImage: 1, _status: 1, createdAt: -1 } },
  { collection: 'authors', name: 'photo', key: { photo: 1, createdAt: -1 } },
]

/** The editors' dashboard (lib/content/desk.ts): work in progress is read as latest versions. */
export const DESK_INDEXES: IndexSpec[] = [
  // Each stage's column, oldest first; what is held, latest first; what is assigned or overdue, soonest due first.
  { collection: '_articles_versions', name: 'desk_stage', key: { 'version.stage': 1, latest: 1, 'version._status': 1, 'version.updatedAt': 1, createdAt: -1 } },
  { collection: '_articles_versions', name: 'desk_updated', key: { latest: 1, 'version._status': 1, 'version.updatedAt': -1, createdAt: -1 } },
  { collection: '_articles_versions', name: 'desk_assignee', key: { 'version.assignee': 1, latest: 1, 'version._status': 1, 'version.dueAt': 1, createdAt: -1 } },
  { collection: '_articles_versions', name: 'desk_due', key: { latest: 1, 'version._status': 1, 'version.dueAt': 1, createdAt: -1 } },
  { collection: 'notes', name: 'desk_mentions', key: { mentions: 1, createdAt: -1 } },
  // The photos to fix, newest first.
  { collection: 'media', name: 'desk_incomplete', key: { incomplete: 1, createdAt: -1 } },
  // Scheduled publications, soonest first, and the latest that failed.
  { collection: 'payload-jobs', name: 'desk_scheduled', key: { taskSlug: 1, waitUntil: 1, createdAt: -1 } },
  { collection: 'payload-jobs', name: 'desk_failed', key: { taskSlug: 1, hasError: 1, updatedAt: -1, createdAt: -1 } },
]

export const QUERY_INDEXES: IndexSpec[] = [...READER_INDEXES, ...DESK_INDEXES]

type Filter = Record<string, unknown>

/** The fields a filter pins to one value (plain values, `$eq`, a one-value `$in`), through `$and`. */
export function equalityFields(filter: Filter): Set<string> {
  const fields = new Set<string>()
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) for (const inner of equalityFields(part as Filter)) fields.add(inner)
      continue
    }
    if (field.startsWith('$')) continue
    const isOperators = condition !== null && typeof condition === 'object' && !Array.isArray(condition) && Object.keys(condition).some((key) => key.startsWith('$'))
    if (!isOperators) fields.add(field)
    else {
      const { $eq, $in } = condition as { $eq?: unknown; $in?: unknown }
      if ($eq !== undefined || (Array.isArray($in) && $in.length === 1)) fields.add(field)
    }
  }
  return fields
}

/** Every field a filter names, pinned or ranged. */
function filteredFields(filter: Filter): Set<string> {
  const fields = new Set<string>()
  for (const [field, condition] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(condition)) {
      for (const part of condition) for (const inner of filteredFields(part as Filter)) fields.add(inner)
    } else if (!field.startsWith('$')) fields.add(field)
  }
  return fields
}

/**
 * Whether an index answers a query by reading only the documents it returns, in order. A lookup
 * (no sort): the key leads with a field the filter names. A listing: the fields the filter pins lead
 * the key, and the fields after them start with the sort, in the same or the fully reversed direction
 * (MongoDB walks an index either way), so no in-memory sort is needed.
 */
export function indexServes(key: IndexKey, filter: Filter, sort: IndexKey = {}): boolean {
  const pinned = equalityFields(filter)
  const fields = Object.entries(key)
  let start = 0
  while (start < fields.length && pinned.has(fields[start]![0])) start += 1
  const sortFields = Object.entries(sort).filter(([field]) => !pinned.has(field))
  // Unsorted (a lookup): the index must lead with a field the filter names.
  if (sortFields.length === 0) return start > 0 || filteredFields(filter).has(fields[0]![0])
  // Sorted (a listing): every pinned field leads the key, or the index walks the whole sorted
  // collection for the few documents the filter keeps.
  if (start < pinned.size) return false
  const rest = fields.slice(start, start + sortFields.length)
  if (rest.length < sortFields.length) return false
  const same = sortFields.every(([field, direction], i) => rest[i]![0] === field && rest[i]![1] === direction)
  const reversed = sortFields.every(([field, direction], i) => rest[i]![0] === field && rest[i]![1] === -direction)
  return same || reversed
}

/** Creates QUERY_INDEXES (idempotent: MongoDB keeps an existing index of the same name and key). */
export async function createQueryIndexes(adapter: MongooseAdapter): Promise<void> {
  for (const collection of new Set(QUERY_INDEXES.map((spec) => spec.collection))) {
    const specs = QUERY_INDEXES.filter((spec) => spec.collection === collection)
    await adapter.connection.collection(collection).createIndexes(specs.map(({ name, key }) => ({ name, key })))
  }
}

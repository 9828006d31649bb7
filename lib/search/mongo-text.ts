import type { SearchEngine, SearchEntry, SearchOptions, SearchResults } from './engine'
import { WEIGHTS } from './engine'
import type { SearchQuery } from './query'
import { foldText } from './text'

/**
 * MongoDB's engines, on a collection of their own (`search_articles`, one document per published
 * article, keyed by `article`, the article's id as a string; `_id` is the database's own):
 * - `$text` (any MongoDB): a text index over the folded fields with the field weights and language
 *   "none" (no English stemming or stop words, so Arabic and every other language tokenize alike).
 *   `$text` has no prefix matching: the last word is matched as the start of one of the article's
 *   words (`words`, indexed), and a query of that one word is ordered by date.
 * - Atlas Search (`SEARCH_ENGINE=atlas`, a deployment that has it): `$search` on an Atlas Search
 *   index named by `SEARCH_ATLAS_INDEX` (default "masthead_search") over the same collection; the
 *   README gives its definition. It cannot run here (no Atlas), so only its pipeline is tested.
 */
export interface MongoCollection {
  createIndex(keys: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>
  bulkWrite(operations: Record<string, unknown>[], options?: Record<string, unknown>): Promise<unknown>
  deleteOne(filter: Record<string, unknown>): Promise<unknown>
  deleteMany(filter: Record<string, unknown>): Promise<unknown>
  countDocuments(filter: Record<string, unknown>): Promise<number>
  find(filter: Record<string, unknown>, options?: Record<string, unknown>): { toArray(): Promise<Record<string, unknown>[]> }
  aggregate(pipeline: Record<string, unknown>[]): { toArray(): Promise<Record<string, unknown>[]> }
}

export const SEARCH_COLLECTION = 'search_articles'

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The `$text` search string: each word and phrase quoted, so all must appear (bare words would be OR'ed). */
export function textSearch(query: SearchQuery): string {
  return [...query.terms.map((term) => `"${term}"`), ...query.phrases.map((phrase) => `"${phrase.join(' ')}"`)].join(' ')
}

/** The filter of a search on the `$text` engine. */
export function textFilter(options: Pick<SearchOptions, 'query' | 'section' | 'author'>): Record<string, unknown> | null {
  const search = textSearch(options.query)
  const filter: Record<string, unknown> = {}
  if (search) filter.$text = { $search: search, $language: 'none' }
  if (options.query.prefix !== null) filter.words = { $regex: `^${escapeRegex(options.query.prefix)}` }
  if (!search && options.query.prefix === null) return null
  if (options.section) filter.section = options.section
  if (options.author) filter.authors = options.author
  return filter
}

/** The Atlas Search pipeline of a search (before paging): every word, phrase and the prefix must match. */
export function atlasPipeline(index: string, options: Pick<SearchOptions, 'query' | 'section' | 'author' | 'sort'>): Record<string, unknown>[] {
  const path = ['headline', 'standfirst', 'body', 'extra']
  const boost = (field: keyof typeof WEIGHTS) => ({ score: { boost: { value: WEIGHTS[field] } } })
  const must: Record<string, unknown>[] = [
    ...options.query.terms.map((term) => ({ text: { query: term, path } })),
    ...options.query.phrases.map((phrase) => ({ phrase: { query: phrase.join(' '), path } })),
    ...(options.query.prefix !== null ? [{ wildcard: { query: `${options.query.prefix}*`, path, allowAnalyzedField: true } }] : []),
  ]
  const should = (['headline', 'standfirst', 'extra'] as const).map((field) => ({
    text: { query: [...options.query.terms, ...options.query.phrases.flat(), options.query.prefix ?? ''].join(' ').trim(), path: field, ...boost(field) },
  }))
  const filter: Record<string, unknown>[] = []
  if (options.section) filter.push({ equals: { path: 'section', value: options.section } })
  if (options.author) filter.push({ in: { path: 'authors', value: [options.author] } })
  return [
    { $search: { index, compound: { must, should, filter }, ...(options.sort === 'date' ? { sort: { publishedAt: -1 } } : {}) } },
  ]
}

function document(entry: SearchEntry): Record<string, unknown> {
  const folded = { headline: foldText(entry.headline), standfirst: foldText(entry.standfirst), body: foldText(entry.body), extra: foldText(entry.extra) }
  return {
    article: entry.id,
    ...folded,
    words: [...new Set(Object.values(folded).join(' ').split(' ').filter(Boolean))],
    original: { headline: entry.headline, standfirst: entry.standfirst, body: entry.body, extra: entry.extra },
    section: entry.section,
    authors: entry.authors,
    publishedAt: entry.publishedAt,
  }
}

function entryOf(doc: Record<string, unknown>): SearchEntry {
  const original = (doc.original ?? {}) as Partial<SearchEntry>
  return {
    id: String(doc.article),
    headline: original.headline ?? '',
    standfirst: original.standfirst ?? '',
    body: original.body ?? '',
    extra: original.extra ?? '',
    section: (doc.section as string | null) ?? null,
    authors: (doc.authors as string[] | undefined) ?? [],
    publishedAt: (doc.publishedAt as string | null) ?? null,
  }
}

const bodyOf = (doc: Record<string, unknown>) => ({ id: String(doc.article), body: ((doc.original ?? {}) as { body?: string }).body ?? '' })

export function mongoEngine(collection: MongoCollection, options: { atlasIndex?: string } = {}): SearchEngine {
  const atlas = options.atlasIndex
  return {
    name: atlas ? 'atlas-search' : 'mongodb-text',
    async prepare() {
      await collection.createIndex(
        { headline: 'text', standfirst: 'text', body: 'text', extra: 'text' },
        { name: 'search_text', weights: { ...WEIGHTS }, default_language: 'none', language_override: 'search_language' },
      )
      await collection.createIndex({ article: 1 }, { name: 'search_article', unique: true })
      await collection.createIndex({ words: 1 }, { name: 'search_words' })
      await collection.createIndex({ section: 1, publishedAt: -1 }, { name: 'search_section_date' })
    },
    async upsert(entries) {
      if (entries.length === 0) return
      // Every field is set (the document has them all): a replacement.
      await collection.bulkWrite(
        entries.map((entry) => ({ updateOne: { filter: { article: entry.id }, update: { $set: document(entry) }, upsert: true } })),
        { ordered: false },
      )
    },
    // One bulk upsert already: nothing is spared by knowing the entries are new.
    async add(entries) {
      await this.upsert(entries)
    },
    async remove(id) {
      await collection.deleteOne({ article: id })
    },
    async clear() {
      await collection.deleteMany({})
    },
    async search(search): Promise<SearchResults> {
      const project = { article: 1, original: 1 }
      if (atlas) {
        const base = atlasPipeline(atlas, search)
        const [facet] = await collection
          .aggregate([
            ...base,
            { $facet: { total: [{ $count: 'n' }], docs: [{ $skip: search.offset }, { $limit: search.limit }, { $project: project }] } },
          ])
          .toArray()
        const docs = ((facet?.docs ?? []) as Record<string, unknown>[]).map(bodyOf)
        return { total: Number(((facet?.total ?? []) as { n?: number }[])[0]?.n ?? 0), hits: docs }
      }
      const filter = textFilter(search)
      if (!filter) return { total: 0, hits: [] }
      const ranked = '$text' in filter && search.sort === 'relevance'
      const [total, docs] = await Promise.all([
        collection.countDocuments(filter),
        collection
          .find(filter, {
            projection: ranked ? { ...project, score: { $meta: 'textScore' } } : project,
            sort: ranked ? { score: { $meta: 'textScore' }, publishedAt: -1 } : { publishedAt: -1, article: -1 },
            skip: search.offset,
            limit: search.limit,
          })
          .toArray(),
      ])
      return { total, hits: docs.map(bodyOf) }
    },
    async related(id, words, limit) {
      if (words.length === 0) return []
      // Bare words: `$text` matches any of them, and ranks by how many (weighted) an article shares.
      const docs = await collection
        .find(
          { $text: { $search: words.join(' '), $language: 'none' }, article: { $ne: id } },
          { projection: { article: 1, score: { $meta: 'textScore' } }, sort: { score: { $meta: 'textScore' }, publishedAt: -1 }, limit },
        )
        .toArray()
      return docs.map((doc) => String(doc.article))
    },
    async size() {
      return collection.countDocuments({})
    },
    async entries() {
      const docs = await collection.find({}, { sort: { article: 1 } }).toArray()
      return docs.map(entryOf)
    },
  }
}

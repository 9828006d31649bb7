import type { Article } from '@/payload-types'
import { isDatabaseUnavailable } from '@/lib/platform/db-errors'
import { payloadClient } from '@/lib/platform/payload'
import { declareTags } from '@/lib/invalidation/tag-scope'
import { searchEngine } from '@/lib/search'
import type { SearchRequest } from '@/lib/search/params'
import { significantWords } from '@/lib/search/related'
import { snippet, type Segment } from '@/lib/search/snippet'
import { TAGS } from './cache-tags'
import { PUBLISHED } from './published'
import { sectionLabel } from './sections'
import { cached, CARDS, getAuthorBySlug, PAGE_SIZE, type CardArticle } from './queries'

/**
 * The reader's search and related stories. The engine (lib/search) answers with ids; the articles
 * are then read like every other reader read, with access control on and no user, so a result can
 * only ever be a published article, with its current headline, byline and photo.
 */

export interface SearchResult {
  article: ResultArticle
  /** Matched words in the body, or null (the result shows its standfirst). */
  snippet: Segment[] | null
}

export interface SearchResultsPage {
  results: SearchResult[]
  total: number
  page: number
  totalPages: number
  /** The `author` filter named nobody. */
  unknownAuthor: boolean
}

/** What a search result shows (no photo, no body): reading less keeps an uncached search fast. */
const RESULT_FIELDS = { title: true, slug: true, standfirst: true, authors: true, publishedAt: true, section: true, language: true } as const
export type ResultArticle = Pick<Article, 'id' | keyof typeof RESULT_FIELDS>

const byIds = (ids: string[]) => ({ and: [PUBLISHED, { id: { in: ids } }] })
const common = { collection: 'articles', depth: 1, pagination: false, overrideAccess: false } as const

/** The docs in the order of `ids` (ids no reader may see, absent from `docs`, are left out). */
function inOrder<T extends { id: unknown }>(ids: string[], docs: T[]): T[] {
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
  return ids.map((id) => byId.get(id)).filter((doc): doc is T => doc !== undefined)
}

async function resultArticles(ids: string[]): Promise<ResultArticle[]> {
  if (ids.length === 0) return []
  const payload = await payloadClient()
  const { docs } = await payload.find({ ...common, where: byIds(ids), limit: ids.length, select: RESULT_FIELDS, populate: { authors: { name: true } } })
  return inOrder(ids, docs)
}

/** Cards (photo included), for the rail. */
async function cardArticles(ids: string[]): Promise<CardArticle[]> {
  if (ids.length === 0) return []
  const payload = await payloadClient()
  const { docs } = await payload.find({ ...CARDS, where: byIds(ids), limit: ids.length, pagination: false })
  return inOrder(ids, docs)
}

export async function searchArticles(search: SearchRequest): Promise<SearchResultsPage> {
  // Results change whenever any published article does: the tag every article change expires.
  declareTags([TAGS.latest])
  const empty = { results: [], total: 0, page: search.page, totalPages: 0 }
  let author: string | null = null
  if (search.author) {
    const found = await getAuthorBySlug(search.author)
    if (!found) return { ...empty, unknownAuthor: true }
    author = String(found.id)
  }
  const payload = await payloadClient()
  const { total, hits } = await searchEngine(payload).search({
    query: search.query,
    section: search.section,
    author,
    sort: search.sort,
    offset: (search.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  })
  const articles = new Map((await resultArticles(hits.map((hit) => hit.id))).map((doc) => [String(doc.id), doc]))
  const results = hits.flatMap((hit) => {
    const article = articles.get(hit.id)
    return article ? [{ article, snippet: snippet(hit.body, search.query) }] : []
  })
  return { results, total, page: search.page, totalPages: Math.ceil(total / PAGE_SIZE), unknownAuthor: false }
}

/**
 * How long an article's related stories, once worked out, stand: ranking them reads each word's
 * whole list in the search index (bm25() counts the articles holding it), ~10 ms at 100,000, and an
 * article page renders again on every publish anywhere (its Latest rail).
 */
export const RELATED_REVALIDATE_S = 60 * 60

/**
 * Up to `max` published stories sharing the most of this one's tags, headline and standfirst words
 * (weighted as search weighs them), never itself. Which stories those are is kept for this article
 * and these words until the article changes (its tag) or for RELATED_REVALIDATE_S, so a matching
 * story published since shows up within the hour; the stories themselves are read afresh, published
 * only, on every render.
 */
export async function relatedArticles(article: Article, max = 4): Promise<CardArticle[]> {
  const payload = await payloadClient()
  // The section's name is indexed with each story (`extra`): sharing it counts, below a shared tag.
  const words = significantWords({ ...article, tags: [...(article.tags ?? []), sectionLabel(article.section ?? '') ?? ''] })
  let ids: string[]
  try {
    ids = await cached(
      () => searchEngine(payload).related(String(article.id), words, max),
      ['related', String(article.id), String(max), ...words],
      [TAGS.article(article.slug ?? '')],
      RELATED_REVALIDATE_S,
    )
  } catch (error) {
    // A rail is not worth the story: an engine that cannot answer (an Atlas index not built yet, a
    // database without text search) leaves the page without it. A database that is down is the
    // page's 503. Nothing failed is cached (unstable_cache keeps only what resolves).
    if (isDatabaseUnavailable(error)) throw error
    payload.logger.error({ msg: 'related stories: the search engine failed; the article is shown without them', err: error })
    return []
  }
  const related = (await cardArticles(ids)).filter((doc) => doc.id !== article.id).slice(0, max)
  declareTags(related.map((doc) => TAGS.article(doc.slug ?? '')))
  return related
}

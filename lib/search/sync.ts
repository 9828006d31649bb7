import type { Payload, PayloadRequest } from 'payload'
import type { Article } from '@/payload-types'
import { idOf, populatedAuthors, type Id } from '@/lib/content/populated'
import { PUBLISHED } from '@/lib/content/published'
import { sectionLabel } from '@/lib/content/sections'
import { lexicalToParagraphs } from '@/lib/text/lexical'
import type { SearchEntry } from './engine'
import { searchEngine } from './index'

/**
 * Keeps the index holding exactly what readers may see. One rule for the hooks and for a rebuild:
 * read the stored article (never a draft: `draft: false` is the published document, which a newer
 * draft on top does not replace), index it when it is published, remove it otherwise. The hooks call
 * it after the change committed (collections/Articles/hooks/search-index.ts), so it reads what every
 * process now serves; the index lives in the database, so one writer updating it is enough, and the
 * other processes' cached result pages expire through the invalidation log like every other page.
 */
const FIELDS = { title: true, standfirst: true, body: true, tags: true, section: true, authors: true, publishedAt: true, _status: true } as const

type Indexed = Pick<Article, 'id' | 'title' | 'standfirst' | 'body' | 'tags' | 'section' | 'authors' | 'publishedAt' | '_status'>

/** The index entry of a published article (pure). */
export function entryOf(article: Indexed): SearchEntry {
  const section = article.section ?? null
  return {
    id: String(article.id),
    headline: article.title ?? '',
    standfirst: article.standfirst ?? '',
    body: lexicalToParagraphs(article.body).join('\n'),
    extra: [...(article.tags ?? []), ...populatedAuthors(article).map((author) => author.name), section ? (sectionLabel(section) ?? '') : '']
      .filter(Boolean)
      .join(' · '),
    section,
    authors: (article.authors ?? []).map((author) => String(idOf(author))),
    publishedAt: article.publishedAt ?? null,
  }
}

/** Brings one article's entry in step with what is published now. */
export async function syncArticle(payload: Payload, id: Id): Promise<void> {
  const stored = (await payload.findByID({
    collection: 'articles',
    id,
    draft: false,
    depth: 1,
    select: FIELDS,
    populate: { authors: { name: true } },
    overrideAccess: true,
    disableErrors: true,
  })) as Indexed | null
  const engine = searchEngine(payload)
  if (stored?._status === 'published') await engine.upsert([entryOf(stored)])
  else await engine.remove(String(id))
}

/** Indexes these new articles at once, in one read (the importer's bulk path, after each batch's commit). */
export async function indexNewArticles(payload: Payload, ids: readonly Id[]): Promise<void> {
  if (ids.length === 0) return
  const { docs } = await payload.find({
    collection: 'articles',
    where: { and: [PUBLISHED, { id: { in: [...ids] } }] },
    draft: false,
    depth: 1,
    select: FIELDS,
    populate: { authors: { name: true } },
    pagination: false,
    overrideAccess: true,
  })
  await searchEngine(payload).add(docs.map((doc) => entryOf(doc as Indexed)))
}

/** The published articles by these authors, by id (an author's name is indexed with each of them). */
export async function articlesBy(req: PayloadRequest, author: Id): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [PUBLISHED, { authors: { in: [author] } }] },
    select: { _status: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => doc.id)
}

/** `npm run search:reindex`: empties the index and indexes every published article, 200 at a time. */
export async function reindexAll(payload: Payload, log: (line: string) => void = () => {}): Promise<number> {
  const engine = searchEngine(payload)
  await engine.prepare()
  await engine.clear()
  let indexed = 0
  for (let page = 1, more = true; more; page++) {
    const result = await payload.find({
      collection: 'articles',
      where: PUBLISHED,
      select: FIELDS,
      populate: { authors: { name: true } },
      sort: 'id',
      depth: 1,
      limit: 200,
      page,
      overrideAccess: true,
    })
    await engine.add(result.docs.map((article) => entryOf(article as Indexed)))
    indexed += result.docs.length
    more = result.hasNextPage
    if (more) log(`indexed ${indexed} of ${result.totalDocs}`)
  }
  return indexed
}

/**
 * At start: an empty index over a database that has published articles (one from before search
 * existed, a restored copy of one) is built, in the background, so no one has to remember
 * `npm run search:reindex` after an upgrade. Several processes starting at once may each build it:
 * the result is the same index.
 */
export async function reindexIfEmpty(payload: Payload): Promise<void> {
  if ((await searchEngine(payload).size()) > 0) return
  const { totalDocs } = await payload.count({ collection: 'articles', where: PUBLISHED })
  if (totalDocs === 0) return
  payload.logger.info(`The search index is empty: indexing ${totalDocs} published articles.`)
  const count = await reindexAll(payload)
  payload.logger.info(`Search index built: ${count} published articles.`)
}

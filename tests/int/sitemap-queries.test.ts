import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Article, Author } from '@/payload-types'
import { newsSitemapWindow } from '@/lib/seo/sitemap'
import { createArticle, createAuthor } from './support/fixtures'
import { startPayload, type TestPayload } from './support/payload'

// Outside Next.js there is no data cache: the reads run every time, which is what is tested here.
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: T) => read,
}))
// Parts of two, so that a handful of documents fill several parts.
vi.mock('@/lib/seo/sitemap', async (original) => ({ ...(await original<typeof import('@/lib/seo/sitemap')>()), SITEMAP_PART_SIZE: 2 }))

let t: TestPayload
// Imported once startPayload has pointed the config at this file's database.
let queries: typeof import('@/lib/content/sitemap-queries')
let zeina: Author
let draftOnly: Author
let coAuthor: Author
let published: Article[]

beforeAll(async () => {
  t = await startPayload()
  queries = await import('@/lib/content/sitemap-queries')
  zeina = await createAuthor(t.payload, 'Zeina Khodr')
  draftOnly = await createAuthor(t.payload, 'Draft Only')
  coAuthor = await createAuthor(t.payload, 'Co Author')
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000).toISOString()
  const one = await createArticle(t.payload, { title: 'One', authors: [zeina.id], section: 'world', tags: ['Syria', 'Diplomacy'], publishedAt: '2025-06-01T08:00:00.000Z' })
  const two = await createArticle(t.payload, { title: 'Two', authors: [zeina.id, coAuthor.id], section: 'politics', tags: ['Syria'], publishedAt: '2025-06-02T08:00:00.000Z' })
  await createArticle(t.payload, { title: 'Secret', authors: [draftOnly.id], section: 'business', tags: ['Secret tag'] }, 'draft')
  const three = await createArticle(t.payload, { title: 'Three', authors: [zeina.id], section: 'world', publishedAt: '2025-06-03T08:00:00.000Z' })
  const four = await createArticle(t.payload, { title: 'Four', authors: [zeina.id], section: 'world', tags: ['Energy'], publishedAt: hourAgo })
  // Edited after the others were written: part 1's latest update is no longer its last article's.
  const oneEdited = await t.payload.update({ collection: 'articles', id: one.id, data: { standfirst: 'Corrected.' } })
  published = [oneEdited, two, three, four]
})
afterAll(async () => t?.cleanup())

const slugs = (docs: { slug?: string | null }[] | null) => docs?.map((doc) => doc.slug)

describe('sitemap reads: published articles only, a part at a time', () => {
  it('the index counts parts and dates each articles part by its latest update', async () => {
    const [one, two, , four] = published as [Article, Article, Article, Article]
    expect(one.updatedAt > two.updatedAt).toBe(true)
    expect(await queries.getSitemapSummary()).toEqual({ homeLastmod: four.updatedAt, authorParts: 2, articleParts: [one.updatedAt, four.updatedAt] })
  })

  it('articles parts follow creation order and skip the draft; past the last part, nothing', async () => {
    expect(slugs(await queries.getSitemapArticles(1))).toEqual(['one', 'two'])
    expect(slugs(await queries.getSitemapArticles(2))).toEqual(['three', 'four'])
    expect(await queries.getSitemapArticles(3)).toEqual([])
  })

  it('authors parts page through the authors collection, keeping those with a published byline', async () => {
    expect(slugs(await queries.getSitemapAuthors(1))).toEqual([zeina.slug])
    expect(slugs(await queries.getSitemapAuthors(2))).toEqual([coAuthor.slug])
    expect(await queries.getSitemapAuthors(3)).toBeNull()
    expect(draftOnly.slug).toBe('draft-only')
  })

  it('lists the tags and sections of published articles, never a draft’s', async () => {
    expect(await queries.getSitemapTags()).toEqual(['diplomacy', 'energy', 'syria'])
    expect(await queries.getSitemapPages()).toEqual({ homeLastmod: published[3]!.updatedAt, sections: ['world', 'politics'] })
  })

  it('the news sitemap reads only the last two days', async () => {
    expect(slugs(await queries.getNewsSitemapArticles(newsSitemapWindow(new Date())))).toEqual(['four'])
  })

  it('an unpublished article leaves its part, and the parts close up', async () => {
    const [, two] = published as [Article, Article]
    await t.payload.update({ collection: 'articles', id: two.id, data: { _status: 'draft' } })
    expect(slugs(await queries.getSitemapArticles(1))).toEqual(['one', 'three'])
    expect(slugs(await queries.getSitemapArticles(2))).toEqual(['four'])
    expect(slugs(await queries.getSitemapAuthors(2))).toEqual([])
    expect(await queries.getSitemapTags()).toEqual(['diplomacy', 'energy', 'syria'])
  })
})

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Article, Author } from '@/payload-types'
import { newsSitemapWindow } from '@/lib/seo/sitemap'
import { monthOf } from '@/lib/seo/sitemap-parts'
import { createArticle, createAuthor } from './support/fixtures'
import { startPayload, type TestPayload } from './support/payload'

// Outside Next.js there is no data cache: the reads run every time, which is what is tested here.
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: T) => read,
}))
// Authors parts of two, so that a handful of authors fill several parts.
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
  // May in UTC, though June where it was written.
  const one = await createArticle(t.payload, { title: 'One', authors: [zeina.id], section: 'world', tags: ['Syria', 'Diplomacy'], publishedAt: '2025-06-01T01:30:00+02:00' })
  const two = await createArticle(t.payload, { title: 'Two', authors: [zeina.id, coAuthor.id], section: 'politics', tags: ['Syria'], publishedAt: '2025-06-02T08:00:00.000Z' })
  await createArticle(t.payload, { title: 'Secret', authors: [draftOnly.id], section: 'business', tags: ['Secret tag'] }, 'draft')
  const three = await createArticle(t.payload, { title: 'Three', authors: [zeina.id], section: 'world', publishedAt: '2025-06-03T08:00:00.000Z' })
  const four = await createArticle(t.payload, { title: 'Four', authors: [zeina.id], section: 'world', tags: ['Energy'], publishedAt: hourAgo })
  // Edited after the others were written: June's latest update is no longer its last article's.
  const twoEdited = await t.payload.update({ collection: 'articles', id: two.id, data: { standfirst: 'Corrected.' } })
  published = [one, twoEdited, three, four]
})
afterAll(async () => t?.cleanup())

const slugs = (docs: { slug?: string | null }[] | null) => docs?.map((doc) => doc.slug)

describe('sitemap reads: published articles only, a part at a time', () => {
  it('the index lists each month with a published article, oldest first, dated by its latest update', async () => {
    const [one, two, three, four] = published as [Article, Article, Article, Article]
    expect(two.updatedAt > three.updatedAt).toBe(true)
    expect(await queries.getSitemapSummary()).toEqual({
      homeLastmod: four.updatedAt,
      authorParts: 2,
      articleMonths: [
        { month: '2025-05', lastmod: one.updatedAt },
        { month: '2025-06', lastmod: two.updatedAt },
        { month: monthOf(four.publishedAt), lastmod: four.updatedAt },
      ],
    })
  })

  it('an articles part is a month’s (UTC) in publication order, without the draft; a month with none has nothing', async () => {
    expect(slugs(await queries.getSitemapArticles('2025-05'))).toEqual(['one'])
    expect(slugs(await queries.getSitemapArticles('2025-06'))).toEqual(['two', 'three'])
    expect(slugs(await queries.getSitemapArticles(monthOf(published[3]!.publishedAt)!))).toEqual(['four'])
    expect(await queries.getSitemapArticles('2025-07')).toEqual([])
    expect(await queries.getSitemapArticles('1970-01')).toEqual([])
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

  it('an article whose date an editor changes moves to that month’s part; one that loses its date keeps the one it had', async () => {
    const [, , three] = published as [Article, Article, Article]
    const moved = await t.payload.update({ collection: 'articles', id: three.id, data: { publishedAt: '2025-04-30T12:00:00.000Z' } })
    expect(moved.publishedMonth).toBe('2025-04')
    expect(slugs(await queries.getSitemapArticles('2025-06'))).toEqual(['two'])
    expect(slugs(await queries.getSitemapArticles('2025-04'))).toEqual(['three'])
    expect((await queries.getSitemapSummary()).articleMonths.map(({ month }) => month)).toEqual(['2025-04', '2025-05', '2025-06', monthOf(published[3]!.publishedAt)])

    const cleared = await t.payload.update({ collection: 'articles', id: three.id, data: { publishedAt: null } })
    expect(cleared).toMatchObject({ publishedAt: '2025-04-30T12:00:00.000Z', publishedMonth: '2025-04' })
    await t.payload.update({ collection: 'articles', id: three.id, data: { publishedAt: three.publishedAt } })
  })

  it('an unpublished article leaves its month, and a month left with none leaves the index', async () => {
    const [one, two] = published as [Article, Article]
    await t.payload.update({ collection: 'articles', id: two.id, data: { _status: 'draft' } })
    expect(slugs(await queries.getSitemapArticles('2025-06'))).toEqual(['three'])
    await t.payload.update({ collection: 'articles', id: one.id, data: { _status: 'draft' } })
    expect(await queries.getSitemapArticles('2025-05')).toEqual([])
    expect((await queries.getSitemapSummary()).articleMonths.map(({ month }) => month)).toEqual(['2025-06', monthOf(published[3]!.publishedAt)])
    expect(slugs(await queries.getSitemapAuthors(2))).toEqual([])
    expect(await queries.getSitemapTags()).toEqual(['energy'])
  })
})

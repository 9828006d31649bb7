import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Article, Author, Media } from '@/payload-types'
import { listingIdPage, listingWhere, type Listing } from '@/lib/content/listing-ids'
import { createArticle, createAuthor, pngBytes } from './support/fixtures'
import { startPayload, type TestPayload } from './support/payload'

// Outside Next.js there is no data cache: the reads run every time, which is what is tested here.
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: T) => read,
}))

let t: TestPayload
let queries: typeof import('@/lib/content/queries')
let zeina: Author
let other: Author
/** Every article written, published or not, in the order written. */
const articles: Article[] = []

beforeAll(async () => {
  t = await startPayload()
  queries = await import('@/lib/content/queries')
  zeina = await createAuthor(t.payload, 'Zeina Khodr')
  other = await createAuthor(t.payload, 'Other Writer')
  // Eleven articles: two sharing a date (the newer id goes first), drafts between them, a published
  // one with a newer draft saved on top, one published then withdrawn.
  const dates = ['01', '02', '03', '03', '04', '05', '06', '07', '08', '09', '10']
  for (const [index, day] of dates.entries()) {
    const draft = index === 1 || index === 7
    articles.push(
      await createArticle(
        t.payload,
        {
          title: `Story ${index}`,
          authors: index % 3 === 0 ? [other.id] : [zeina.id],
          section: index % 2 === 0 ? 'world' : 'politics',
          tags: index % 4 === 3 ? ['Energy'] : ['Syria'],
          publishedAt: `2025-06-${day}T08:00:00.000Z`,
        },
        draft ? 'draft' : 'published',
      ),
    )
  }
  await t.payload.update({ collection: 'articles', id: articles[4]!.id, data: { title: 'Story 4, draft only' }, draft: true })
  await t.payload.update({ collection: 'articles', id: articles[9]!.id, data: { _status: 'draft' } })
})
afterAll(async () => t?.cleanup())

/** What a listing should show, worked out here from what was written: published, newest first, ties by id. */
function expected(keep: (index: number) => boolean): string[] {
  const shown = articles.filter((_, index) => ![1, 7, 9].includes(index) && keep(index))
  return shown
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || (a.id < b.id ? 1 : -1))
    .map((article) => article.slug!)
}

async function allPages(read: (page: number) => Promise<{ docs: Pick<Article, 'slug'>[]; totalDocs: number; totalPages: number; page: number }>, limit: number) {
  const first = await read(1)
  const pages = [first]
  for (let page = 2; page <= first.totalPages + 1; page++) pages.push(await read(page))
  expect(pages.map((page) => page.page)).toEqual(pages.map((_, index) => index + 1))
  expect(first.totalPages).toBe(Math.ceil(first.totalDocs / limit))
  // One page past the last is empty (a 404 for the reader).
  expect(pages.at(-1)!.docs).toEqual([])
  return { totalDocs: first.totalDocs, slugs: pages.flatMap((page) => page.docs.map((doc) => doc.slug!)) }
}

describe('reader listings: published articles only, newest first, every page', () => {
  it('reads each article as a card: what the card shows, its authors’ names and its photo’s frame, nothing else', async () => {
    const file = { data: await pngBytes(), mimetype: 'image/png', name: 'harbour.png', size: 0 }
    const photo = await t.payload.create({ collection: 'media', data: { alt: 'Harbour at dawn', credit: { creator: 'Lina Haddad', provider: 'AFP' } }, file })
    const story = await createArticle(t.payload, { title: 'Card story', standfirst: 'What a card shows.', authors: [zeina.id], leadImage: photo.id, tags: ['Ports'], publishedAt: '2025-06-11T08:00:00.000Z' })
    try {
      const [card] = (await queries.listByTag('ports', 1)).docs as unknown as Record<string, unknown>[]
      expect(Object.keys(card!).sort()).toEqual(['authors', 'id', 'kind', 'language', 'leadImage', 'publishedAt', 'slug', 'standfirst', 'tags', 'title'])
      expect(card!.authors).toEqual([{ id: zeina.id, name: 'Zeina Khodr' }])
      const image = card!.leadImage as Media
      expect(image).toMatchObject({ id: photo.id, alt: 'Harbour at dawn', url: photo.url, sizes: { card: { url: photo.sizes?.card?.url } } })
      expect(image).not.toHaveProperty('credit')
    } finally {
      await t.payload.delete({ collection: 'articles', id: story.id })
    }
  })

  it('the latest, page by page, front half and back half alike', async () => {
    const all = expected(() => true)
    expect(all).toHaveLength(8)
    for (const limit of [2, 3, 12]) {
      expect(await allPages((page) => queries.listLatest(page, limit), limit)).toEqual({ totalDocs: 8, slugs: all })
    }
  })

  it('by author, section and tag; the published text is shown, never the newer draft', async () => {
    const byZeina = await allPages((page) => queries.listByAuthor(zeina.id, page, 2), 2)
    expect(byZeina).toEqual({ totalDocs: expected((i) => i % 3 !== 0).length, slugs: expected((i) => i % 3 !== 0) })
    expect((await queries.listBySection('world', 1)).docs.map((doc) => doc.slug)).toEqual(expected((i) => i % 2 === 0))
    expect((await queries.listByTag('energy', 1)).docs.map((doc) => doc.slug)).toEqual(expected((i) => i % 4 === 3))
    expect((await queries.listByTag('syria', 1)).totalDocs).toBe(expected((i) => i % 4 !== 3).length)
    const four = (await queries.listLatest(1, 12)).docs.find((doc) => doc.id === articles[4]!.id)
    expect(four?.title).toBe('Story 4')
    expect(await queries.listByTag('no-such-tag', 1)).toMatchObject({ docs: [], page: 1, totalDocs: 0 })
  })

  it('an article unpublished leaves every listing at once', async () => {
    const withdrawn = articles[10]!
    expect((await queries.listLatest(1, 1)).docs[0]?.id).toBe(withdrawn.id)
    await t.payload.update({ collection: 'articles', id: withdrawn.id, data: { _status: 'draft' } })
    expect((await queries.listLatest(1, 1)).docs[0]?.id).not.toBe(withdrawn.id)
    expect((await queries.listBySection('world', 1)).docs.map((doc) => doc.id)).not.toContain(withdrawn.id)
    await t.payload.update({ collection: 'articles', id: withdrawn.id, data: { _status: 'published' } })
  })
})

describe('listing ids from the indexes (SQLite; MongoDB reads through Payload)', () => {
  const listings: Listing[] = [{ by: 'latest' }, { by: 'section', section: 'world' }, { by: 'tag', tag: 'syria' }, { by: 'author', author: 0 }]

  it('match Payload’s own query on every page, by lookup and by walking the date index', async () => {
    const onSqlite = t.payload.db.name !== 'mongoose'
    for (const base of listings) {
      const listing = base.by === 'author' ? { ...base, author: zeina.id } : base
      const theirs = await t.payload.find({
        collection: 'articles',
        where: { and: [{ _status: { equals: 'published' } }, listingWhere(listing)] },
        sort: ['-publishedAt', '-id'],
        pagination: false,
        depth: 0,
        select: { slug: true },
      })
      const want = theirs.docs.map((doc) => doc.id)
      for (const sortUpTo of [0, 1_000]) {
        const pages = []
        for (let page = 1; page <= Math.ceil(want.length / 3) + 1; page++) pages.push(await listingIdPage(t.payload, listing, page, 3, sortUpTo))
        if (!onSqlite) {
          expect(pages.every((page) => page === null)).toBe(true)
          continue
        }
        expect(pages.flatMap((page) => page!.ids), `${listing.by}, sorting up to ${sortUpTo}`).toEqual(want)
        expect(pages.every((page) => page!.totalDocs === want.length)).toBe(true)
      }
    }
  })
})

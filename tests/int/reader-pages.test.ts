import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { pageCache } from '@/server/page-cache'
import type { Author } from '@/payload-types'
import { createArticle, createAuthor } from './support/fixtures'
import { cutDatabase } from './support/outage'
import { startPayload, type TestPayload } from './support/payload'

// The reader routes run as in the server, minus Next's request scope: no draft mode, and no data
// cache under the page cache, so every miss really reads the database.
vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
const get = <P>(route: Route<P>, path: string, params: P, headers: HeadersInit = {}) =>
  route(new Request(`http://localhost:3000${path}`, { headers }), { params: Promise.resolve(params) })

let t: TestPayload
let author: Author
// Imported once Payload is configured for the throwaway database (the routes load the config).
let articleRoute: Route<{ slug: string }>
let authorRoute: Route<{ slug: string }>
let homeRoute: Route<object>
let latestPageRoute: Route<{ page: string }>
let sectionRoute: Route<{ slug: string }>
beforeAll(async () => {
  t = await startPayload()
  author = await createAuthor(t.payload, 'Zeina Khodr')
  ;({ GET: articleRoute } = await import('@/app/(site)/articles/[slug]/route'))
  ;({ GET: authorRoute } = await import('@/app/(site)/authors/[slug]/route'))
  ;({ GET: homeRoute } = await import('@/app/(site)/route'))
  ;({ GET: latestPageRoute } = await import('@/app/(site)/page/[page]/route'))
  ;({ GET: sectionRoute } = await import('@/app/(site)/sections/[slug]/route'))
})
afterAll(async () => t?.cleanup())

describe('reader pages', () => {
  it('tell shared caches their surrogate keys, and answer a matching If-None-Match with 304, missed or cached', async () => {
    const story = await createArticle(t.payload, { title: 'Tide tables', authors: [author.id] })
    const path = '/articles/tide-tables'
    const read = (headers: HeadersInit = {}) => get(articleRoute, path, { slug: 'tide-tables' }, headers)
    const first = await read({ 'Accept-Encoding': 'gzip' })
    expect(first.headers.get('x-page-cache')).toBe('MISS')
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=31536000, stale-if-error=86400')
    // The page's cache tags (its article, its author's rail, the latest rail) and the site-wide key.
    expect(first.headers.get('xkey')!.split(' ')).toEqual(
      expect.arrayContaining(['masthead', 'article:tide-tables', `author:${author.id}`, 'articles:latest']),
    )
    expect(first.headers.get('surrogate-key')).toBe(first.headers.get('xkey'))
    // Next gzips what this handler answers to a gzip client: the ETag names that representation.
    const gzipTag = first.headers.get('etag')!
    expect(gzipTag).toMatch(/^"[\w-]{22}-gz"$/)
    const plainTag = (await read()).headers.get('etag')!
    expect(gzipTag).toBe(`${plainTag.slice(0, -1)}-gz"`)

    const notModified = await read({ 'Accept-Encoding': 'gzip', 'If-None-Match': gzipTag })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
    expect(notModified.headers.get('etag')).toBe(gzipTag)
    expect(notModified.headers.get('cache-control')).toBe(first.headers.get('cache-control'))

    // Changed: the old validator gets the new page.
    await t.payload.update({ collection: 'articles', id: story.id, data: { standfirst: 'Spring tides ahead.' } })
    const changed = await read({ 'If-None-Match': plainTag })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('x-page-cache')).toBe('MISS')
    const newTag = changed.headers.get('etag')!
    expect(newTag).not.toBe(plainTag)
    // Dropped from the page cache with nothing changed: rendered anew, the same bytes, so a 304.
    pageCache().invalidate(['article:tide-tables'])
    const missed = await read({ 'If-None-Match': newTag })
    expect(missed.headers.get('x-page-cache')).toBe('MISS')
    expect(missed.status).toBe(304)
  })

  it('are private, with no surrogate keys, for signed-in staff', async () => {
    await createArticle(t.payload, { title: 'Staff memo', authors: [author.id] })
    for (let i = 0; i < 2; i++) {
      const response = await get(articleRoute, '/articles/staff-memo', { slug: 'staff-memo' }, { Cookie: 'payload-token=abc' })
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('private, no-store')
      expect(response.headers.get('xkey')).toBeNull()
      expect(response.headers.get('surrogate-key')).toBeNull()
    }
  })

  it('are whole HTML documents with no client JavaScript', async () => {
    await createArticle(t.payload, { title: 'Harbour reopens', standfirst: 'Ships are moving again.', authors: [author.id], section: 'business' })
    const response = await get(articleRoute, '/articles/harbour-reopens', { slug: 'harbour-reopens' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const html = await response.text()
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"\/>/)
    expect(html).toContain('<title>Harbour reopens · Masthead</title>')
    expect(html).toContain('<h1>Harbour reopens</h1>')
    expect(html).toContain('<a href="/authors/zeina-khodr" rel="author">Zeina Khodr</a>')
    expect(html).toContain('<p>Body of Harbour reopens.</p>')
    // Scripts: structured data only (article, breadcrumbs, the publication), nothing a browser would run.
    const scripts = html.match(/<script[^>]*>/g) ?? []
    expect(scripts).toEqual(Array(3).fill('<script type="application/ld+json">'))
  })

  it('show the newest other published stories in an article’s Latest rail, never a draft nor the story itself', async () => {
    const story = await createArticle(t.payload, { title: 'Quay wall repaired', authors: [author.id], publishedAt: '2025-01-01T08:00:00.000Z' })
    await createArticle(t.payload, { title: 'Ferry returns to the quay', authors: [author.id] })
    await createArticle(t.payload, { title: 'Quay draft not out', authors: [author.id] }, 'draft')
    const html = await (await get(articleRoute, `/articles/${story.slug}`, { slug: story.slug! })).text()
    const rail = html.slice(html.indexOf('id="latest"'), html.indexOf('</section>', html.indexOf('id="latest"')))
    expect(rail).toContain('Ferry returns to the quay')
    // A card, byline included (its authors are read with their names only).
    expect(rail).toContain(`>${author.name} · <time`)
    expect(rail).not.toContain('Quay draft not out')
    expect(rail).not.toContain('Quay wall repaired')
  })

  it('are served from the page cache until what they show changes', async () => {
    const story = await createArticle(t.payload, { title: 'Grain prices fall', authors: [author.id] })
    const read = () => get(articleRoute, '/articles/grain-prices-fall', { slug: 'grain-prices-fall' })
    expect((await read()).headers.get('x-page-cache')).toBe('MISS')
    const cached = await read()
    expect(cached.headers.get('x-page-cache')).toBe('HIT')
    const html = await cached.text()
    expect(html).toContain('<h1>Grain prices fall</h1>')
    // Plain HTML from the Route Handler even for gzip clients: Next compresses it (a gzipped body would be
    // gzipped twice). The gzipped copy is for the fast path in front of Next (tests/unit/page-fast-path).
    const plain = await get(articleRoute, '/articles/grain-prices-fall', { slug: 'grain-prices-fall' }, { 'Accept-Encoding': 'gzip, br' })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    // Next's compression has no brotli: the validator names the gzipped representation it will send.
    expect(plain.headers.get('etag')).toMatch(/^"[\w-]{22}-gz"$/)
    expect(await plain.text()).toBe(html)

    await t.payload.update({ collection: 'articles', id: story.id, data: { title: 'Grain prices fall again' } })
    const fresh = await read()
    expect(fresh.headers.get('x-page-cache')).toBe('MISS')
    expect(await fresh.text()).toContain('<h1>Grain prices fall again</h1>')

    await t.payload.update({ collection: 'articles', id: story.id, data: { _status: 'draft' } })
    const gone = await read()
    expect(gone.status).toBe(404)
    expect(await gone.text()).toContain('<h1>Page not found</h1>')
  })

  it('answer 404 for missing pages, redirect page 1, and show a known section even while it is empty', async () => {
    expect((await get(authorRoute, '/authors/nobody', { slug: 'nobody' })).status).toBe(404)
    expect((await get(latestPageRoute, '/page/999', { page: '999' })).status).toBe(404)
    expect((await get(latestPageRoute, '/page/two', { page: 'two' })).status).toBe(404)
    const first = await get(latestPageRoute, '/page/1', { page: '1' })
    expect(first.status).toBe(308)
    expect(first.headers.get('location')).toBe('/')
    expect((await get(sectionRoute, '/sections/gossip', { slug: 'gossip' })).status).toBe(404)
    const empty = await get(sectionRoute, '/sections/science', { slug: 'science' })
    expect(empty.status).toBe(200)
    expect(await empty.text()).toContain('Nothing has been published here yet.')
  })
})

describe('while the database is down', () => {
  it('keeps serving cached pages, answers 503 for the others, and recovers by itself', async () => {
    await createArticle(t.payload, { title: 'Storm warning', authors: [author.id] })
    const article = () => get(articleRoute, '/articles/storm-warning', { slug: 'storm-warning' })
    const profile = () => get(authorRoute, '/authors/zeina-khodr', { slug: 'zeina-khodr' })
    expect((await article()).status).toBe(200) // now cached; the profile has never been rendered

    const restore = cutDatabase(t.payload.db)
    try {
      const cached = await article()
      expect(cached.status).toBe(200)
      expect(await cached.text()).toContain('<h1>Storm warning</h1>')

      const down = await profile()
      expect(down.status).toBe(503)
      expect(down.headers.get('retry-after')).toBe('30')
      expect(down.headers.get('cache-control')).toBe('no-store')
      const text = await down.text()
      expect(text).toContain('<h1>This page is temporarily unavailable</h1>')
      expect(text).not.toMatch(/stack|\.js:\d|SQLITE|Failed query/)
      expect((await get(homeRoute, '/', {})).status).toBe(503)
    } finally {
      restore()
    }
    // The 503 was not kept: the very next request renders the page.
    const back = await profile()
    expect(back.status).toBe(200)
    expect(await back.text()).toContain('<h1>Zeina Khodr</h1>')
  })
})

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Author } from '@/payload-types'
import { monthOf } from '@/lib/seo/sitemap-parts'
import { createArticle, createAuthor, pngBytes } from './support/fixtures'
import { startPayload, type TestPayload } from './support/payload'

// Feeds and sitemaps are rendered on request with the running server's settings and kept in the page
// cache like the pages (nothing is prerendered by the build). No data cache under it, as in reader-pages.
vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
const get = async <P>(route: Route<P>, path: string, params: P) => {
  const response = await route(new Request(`http://localhost:3000${path}`), { params: Promise.resolve(params) })
  return { status: response.status, type: response.headers.get('content-type'), cache: response.headers.get('x-page-cache'), text: await response.text() }
}

let t: TestPayload
let author: Author
let feed: Route<object>
let robots: Route<object>
let sitemapIndex: Route<object>
let sitemapPart: Route<{ file: string }>
let newsSitemap: Route<object>
const savedSiteUrl = process.env.SITE_URL

beforeAll(async () => {
  process.env.SITE_URL = 'https://news.example.org'
  t = await startPayload()
  author = await createAuthor(t.payload, 'Zeina Khodr')
  ;({ GET: feed } = await import('@/app/(site)/feed.xml/route'))
  ;({ GET: robots } = await import('@/app/(site)/robots.txt/route'))
  ;({ GET: sitemapIndex } = await import('@/app/(site)/sitemap.xml/route'))
  ;({ GET: sitemapPart } = await import('@/app/(site)/sitemaps/[file]/route'))
  ;({ GET: newsSitemap } = await import('@/app/(site)/news-sitemap.xml/route'))
})
afterAll(async () => {
  if (savedSiteUrl === undefined) delete process.env.SITE_URL
  else process.env.SITE_URL = savedSiteUrl
  await t?.cleanup()
})

describe('feeds and sitemaps', () => {
  it('name the runtime SITE_URL, and are cached until a publish changes them', async () => {
    await createArticle(t.payload, { title: 'Harbour reopens', authors: [author.id] })
    const first = await get(feed, '/feed.xml', {})
    expect(first).toMatchObject({ status: 200, type: 'application/rss+xml; charset=utf-8', cache: 'MISS' })
    expect(first.text).toContain('<link>https://news.example.org/articles/harbour-reopens</link>')
    expect((await get(feed, '/feed.xml', {})).cache).toBe('HIT')

    await createArticle(t.payload, { title: 'Grain prices fall', authors: [author.id] })
    const after = await get(feed, '/feed.xml', {})
    expect(after.cache).toBe('MISS')
    expect(after.text).toContain('https://news.example.org/articles/grain-prices-fall')

    const news = await get(newsSitemap, '/news-sitemap.xml', {})
    expect(news).toMatchObject({ status: 200, type: 'application/xml; charset=utf-8' })
    expect(news.text).toContain('<loc>https://news.example.org/articles/grain-prices-fall</loc>')
  })

  it('give each item its byline, section and tags, and its photo with its credit and caption', async () => {
    const file = { data: await pngBytes(1300, 700), mimetype: 'image/png', name: 'quay.png', size: 0 }
    const photo = await t.payload.create({ collection: 'media', data: { alt: 'The quay', caption: 'Boats at the quay.', credit: { creator: 'Lina Haddad', provider: 'AFP' } }, file })
    await createArticle(t.payload, { title: 'Quay reopens', authors: [author.id], section: 'business', tags: ['Ports'], leadImage: photo.id })
    const { text } = await get(feed, '/feed.xml', {})
    const item = text.slice(text.indexOf('<item>'), text.indexOf('</item>'))
    expect(item).toContain('<title>Quay reopens</title>')
    expect(item).toContain(`<dc:creator>${author.name}</dc:creator>`)
    expect(item).toContain('<category>Business</category>')
    expect(item).toContain('<category>Ports</category>')
    expect(item).toMatch(/<media:content url="https:\/\/news\.example\.org\/api\/media\/file\/quay-[^"]+\.webp" medium="image" type="image\/webp" width="\d+" height="\d+" fileSize="\d+">/)
    expect(item).toContain('<media:credit role="photographer" scheme="urn:ebu">Lina Haddad / AFP</media:credit>')
    expect(item).toContain('<media:description type="plain">Boats at the quay.</media:description>')
  })

  it('robots.txt and the sitemap index point at the runtime origin; an unknown part is a 404', async () => {
    const text = await get(robots, '/robots.txt', {})
    expect(text).toMatchObject({ status: 200, type: 'text/plain; charset=utf-8' })
    expect(text.text).toContain('Sitemap: https://news.example.org/sitemap.xml')
    const index = await get(sitemapIndex, '/sitemap.xml', {})
    const { docs } = await t.payload.find({ collection: 'articles', where: { slug: { equals: 'harbour-reopens' } }, depth: 0 })
    const file = `articles-${monthOf(docs[0]!.publishedAt)}.xml`
    expect(index.text).toContain(`<loc>https://news.example.org/sitemaps/${file}</loc>`)
    const part = await get(sitemapPart, `/sitemaps/${file}`, { file })
    expect(part.text).toContain('<loc>https://news.example.org/articles/harbour-reopens</loc>')
    // A month with nothing published, and a page number where a month belongs (the parts' names before months).
    for (const name of ['articles-1999-01.xml', 'articles-1.xml']) expect((await get(sitemapPart, `/sitemaps/${name}`, { file: name })).status, name).toBe(404)
    const missing = await get(sitemapPart, '/sitemaps/nothing.xml', { file: 'nothing.xml' })
    expect(missing).toMatchObject({ status: 404, type: 'text/plain; charset=utf-8' })
  })
})

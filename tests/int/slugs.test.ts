import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Author } from '@/payload-types'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

// Slugs in any script, end to end through Payload and the reader routes (which receive params
// decoded, as Next passes them).
vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
const get = <P>(route: Route<P>, path: string, params: P) =>
  route(new Request(`http://localhost:3000${path}`), { params: Promise.resolve(params) })

const ARABIC = 'محادثات هادئة بين إسرائيل وسوريا'
const ARABIC_SLUG = 'محادثات-هادئة-بين-إسرائيل-وسوريا'

let t: TestPayload
let author: Author
let articleRoute: Route<{ slug: string }>
let authorRoute: Route<{ slug: string }>
let tagRoute: Route<{ slug: string }>
beforeAll(async () => {
  t = await startPayload()
  author = await createAuthor(t.payload, 'Łukasz Wróbel')
  ;({ GET: articleRoute } = await import('@/app/(site)/articles/[slug]/route'))
  ;({ GET: authorRoute } = await import('@/app/(site)/authors/[slug]/route'))
  ;({ GET: tagRoute } = await import('@/app/(site)/tags/[slug]/route'))
})
afterAll(async () => t?.cleanup())

describe('slugs in any script', () => {
  it('are generated for authors and articles, and the pages answer at their encoded URLs', async () => {
    expect(author.slug).toBe('lukasz-wrobel')
    const article = await createArticle(t.payload, { title: ARABIC, authors: [author.id], tags: ['سوريا', 'Middle East'] })
    expect(article.slug).toBe(ARABIC_SLUG)
    expect(article.tagSlugs).toEqual(['سوريا', 'middle-east'])

    const encoded = `/articles/${encodeURIComponent(ARABIC_SLUG)}`
    const response = await get(articleRoute, encoded, { slug: ARABIC_SLUG })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`<h1>${ARABIC}</h1>`)
    // Links and the canonical URL travel percent-encoded.
    expect(html).toContain(`<link rel="canonical" href="http://localhost:3000${encoded}"/>`)
    expect(html).toContain(`<a href="/tags/${encodeURIComponent('سوريا')}">سوريا</a>`)

    const tag = await get(tagRoute, `/tags/${encodeURIComponent('سوريا')}`, { slug: 'سوريا' })
    expect(tag.status).toBe(200)
    expect(await tag.text()).toContain(`<a href="${encoded}">${ARABIC}</a>`)
    expect((await get(authorRoute, '/authors/lukasz-wrobel', { slug: 'lukasz-wrobel' })).status).toBe(200)
  })

  it('answer 404 for a parameter that is not in slug form, without a 500', async () => {
    for (const slug of ['Lukasz-Wrobel', 'a b', '%D9%85', '../etc/passwd', 'x'.repeat(300)]) {
      const response = await get(authorRoute, `/authors/${encodeURIComponent(slug)}`, { slug })
      expect(response.status, slug).toBe(404)
    }
  })

  it('normalise what an editor types, in any script', async () => {
    const editor = await createUser(t.payload, ['editor'])
    const response = await t.rest.post('/articles', {
      token: editor.token,
      body: { title: 'Москва', slug: 'Москва: Переговоры', authors: [author.id], _status: 'published' },
    })
    expect(response.status).toBe(201)
    expect((await response.json()).doc.slug).toBe('москва-переговоры')
  })

  it('refuse to publish an emoji-only headline without a slug, saying why', async () => {
    const editor = await createUser(t.payload, ['editor'])
    const response = await t.rest.post('/articles', {
      token: editor.token,
      body: { title: '🎉🎉🎉', authors: [author.id], _status: 'published' },
    })
    expect(response.status).toBe(400)
    const body = await response.json()
    expect(JSON.stringify(body)).toContain('has no letters or digits to make a URL slug from')
    // A draft may wait for its slug.
    const draft = await t.rest.post('/articles?draft=true', { token: editor.token, body: { title: '🎉🎉🎉', _status: 'draft' } })
    expect(draft.status).toBe(201)
    expect((await draft.json()).doc.slug ?? null).toBeNull()
  })
})

describe('article language', () => {
  it('defaults to the site’s, and sets the page’s language, direction and date format', async () => {
    const english = await createArticle(t.payload, { title: 'Harbour reopens', authors: [author.id] })
    expect(english.language).toBe('en')
    const arabic = await createArticle(t.payload, {
      title: 'الميناء يعيد فتح أبوابه',
      language: 'AR',
      authors: [author.id],
      publishedAt: '2025-06-30T10:00:00.000Z',
    })
    expect(arabic.language).toBe('ar')
    const html = await (await get(articleRoute, `/articles/${encodeURIComponent(arabic.slug!)}`, { slug: arabic.slug! })).text()
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl"><head>/)
    expect(html).toContain('<h1>الميناء يعيد فتح أبوابه</h1>')
    expect(html).toContain(`<time datetime="2025-06-30T10:00:00.000Z">${new Intl.DateTimeFormat('ar', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date('2025-06-30T10:00:00Z'))}</time>`)
    expect(html).toContain('"inLanguage":"ar"')
  })

  it('refuses a value that is not a BCP 47 tag, saying so', async () => {
    const editor = await createUser(t.payload, ['editor'])
    const response = await t.rest.post('/articles', {
      token: editor.token,
      body: { title: 'Bad tag', language: 'Arabic (Egypt)', authors: [author.id], _status: 'published' },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('is not a language tag: use BCP 47')
  })
})

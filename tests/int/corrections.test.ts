import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Article, Author, User } from '@/payload-types'
import { graphqlId } from './support/database'
import { createArticle, createAuthor } from './support/fixtures'
import { loggedTags } from './support/invalidations'
import { createUser, startPayload, type TestPayload } from './support/payload'

// The reader routes as in the server, with no data cache under the page cache (as in reader-pages).
vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
const get = async <P>(route: Route<P>, path: string, params: P) => {
  const response = await route(new Request(`http://localhost:3000${path}`), { params: Promise.resolve(params) })
  return { status: response.status, text: await response.text() }
}

let t: TestPayload
let author: Author
let editor: { id: User['id']; token: string }
let writer: { id: User['id']; token: string }
let admin: { id: User['id']; token: string }
let articleRoute: Route<{ slug: string }>
let correctionsRoute: Route<object>
let correctionsPageRoute: Route<{ page: string }>
let correctionsFeedRoute: Route<object>
let newsSitemapRoute: Route<object>

beforeAll(async () => {
  t = await startPayload()
  author = await createAuthor(t.payload, 'Zeina Khodr')
  admin = await createUser(t.payload, ['admin'], 'admin')
  editor = await createUser(t.payload, ['editor'], 'editor')
  writer = await createUser(t.payload, ['writer'], 'writer')
  ;({ GET: articleRoute } = await import('@/app/(site)/articles/[slug]/route'))
  ;({ GET: correctionsRoute } = await import('@/app/(site)/corrections/route'))
  ;({ GET: correctionsPageRoute } = await import('@/app/(site)/corrections/page/[page]/route'))
  ;({ GET: correctionsFeedRoute } = await import('@/app/(site)/corrections/feed.xml/route'))
  ;({ GET: newsSitemapRoute } = await import('@/app/(site)/news-sitemap.xml/route'))
})
afterAll(async () => t?.cleanup())

const entry = (text: string, date = new Date().toISOString(), type: 'correction' | 'clarification' | 'update' = 'correction') => ({ type, date, text })
const page = (slug: string) => get(articleRoute, `/articles/${slug}`, { slug })
const jsonLd = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) => JSON.parse(match[1]!) as Record<string, any>)

describe('who may write and publish corrections', () => {
  it('lets a writer propose a correction in their own draft, but not mark a significant update', async () => {
    const created = await t.rest.post('/articles', { token: writer.token, body: { title: 'Writer draft', authors: [author.id], _status: 'draft' } })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: Article }
    const saved = await t.rest.patch(`/articles/${doc.id}?draft=true`, {
      token: writer.token,
      body: { corrections: [entry('A name was misspelt.')], significantUpdate: true, modifiedAt: '2030-01-01T00:00:00.000Z', _status: 'draft' },
    })
    expect(saved.status).toBe(200)
    // (The Local API without a user reads the published version: hence the writer's own read.)
    const stored = (await (await t.rest.get(`/articles/${doc.id}?draft=true`, { token: writer.token })).json()) as Article
    expect(stored.corrections?.map((row) => row.text)).toEqual(['A name was misspelt.'])
    // Editors' fields, dropped from a writer's save.
    expect(stored.modifiedAt ?? null).toBeNull()
    expect(stored.significantUpdate).toBeFalsy()

    // Publishing it is an editor's job, over REST and GraphQL alike.
    expect((await t.rest.patch(`/articles/${doc.id}`, { token: writer.token, body: { _status: 'published' } })).status).toBe(403)
    const gql = await t.graphql(`mutation { updateArticle(id: ${graphqlId(doc.id)}, data: { _status: published }) { id } }`, { token: writer.token })
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
    const viaEditor = await t.rest.patch(`/articles/${doc.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(viaEditor.status).toBe(200)
  })

  it('refuses, with a message saying why, a publish by anyone but an editor whose corrections changed', async () => {
    const story = await createArticle(t.payload, { title: 'Guarded story', authors: [author.id] })
    // Past the collection's access rules (which already stop writers publishing): the hook itself.
    const attempt = t.payload.update({
      collection: 'articles',
      id: story.id,
      data: { corrections: [entry('Unreviewed correction.')], _status: 'published' },
      user: { ...(await t.payload.findByID({ collection: 'users', id: writer.id })), collection: 'users' },
      overrideAccess: true,
    })
    await expect(attempt).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/Only an editor or an admin can publish corrections/) })
    const unchanged = await t.payload.findByID({ collection: 'articles', id: story.id })
    expect(unchanged.corrections ?? []).toEqual([])
  })

  it('lets editors and admins publish corrections over REST and GraphQL; anonymous readers change nothing', async () => {
    const story = await createArticle(t.payload, { title: 'Editors correct', authors: [author.id] })
    expect((await t.rest.patch(`/articles/${story.id}`, { body: { corrections: [entry('Anonymous.')] } })).status).toBe(403)
    const rest = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { corrections: [entry('Editor correction.')], _status: 'published' } })
    expect(rest.status).toBe(200)
    const gql = await t.graphql(
      `mutation { updateArticle(id: ${graphqlId(story.id)}, data: { corrections: [{ type: clarification, date: "2025-07-02T09:00:00.000Z", text: "Admin clarification." }], _status: published }) { corrections { type text } } }`,
      { token: admin.token },
    )
    expect(gql.errors).toBeUndefined()
    expect(gql.data?.updateArticle.corrections).toEqual([{ type: 'clarification', text: 'Admin clarification.' }])
  })

  it('refuses malformed entries with a 400 naming them', async () => {
    const story = await createArticle(t.payload, { title: 'Malformed', authors: [author.id] })
    const response = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { corrections: [{ type: 'retraction', date: 'yesterday', text: 'x' }] } })
    expect(response.status).toBe(400)
    const body = await response.text()
    expect(body).toContain('Correction 1: the type must be one of')
    expect(body).toContain('the date must be a date')
  })
})

describe('what readers see', () => {
  it('a correction changes dateModified and the visible date; a typo fix does not; a significant update does', async () => {
    const story = await createArticle(t.payload, { title: 'Dates story', authors: [author.id], publishedAt: '2025-06-30T10:00:00.000Z' })
    const before = jsonLd((await page('dates-story')).text)[0]!
    expect(before.dateModified).toBe('2025-06-30T10:00:00.000Z')

    // A typo fix: updatedAt moves, what readers are told does not.
    await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { title: 'Dates story', standfirst: 'Fixed a typo.' } })
    const typo = await page('dates-story')
    expect(jsonLd(typo.text)[0]!.dateModified).toBe('2025-06-30T10:00:00.000Z')
    expect(typo.text).not.toContain('Updated')

    await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { corrections: [entry('The harbour is in Tyre, not Sidon.', '2025-07-02T09:00:00.000Z')] } })
    const fixed = await page('dates-story')
    expect(jsonLd(fixed.text)[0]).toMatchObject({
      dateModified: '2025-07-02T09:00:00.000Z',
      correction: [{ '@type': 'CorrectionComment', datePublished: '2025-07-02T09:00:00.000Z', text: 'The harbour is in Tyre, not Sidon.' }],
    })
    expect(fixed.text).toContain('Updated <time datetime="2025-07-02T09:00:00.000Z">2 July 2025</time>')
    expect(fixed.text).toContain('This article was corrected on 2 July 2025.')
    expect(fixed.text).toContain('id="corrections"')

    const marked = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { significantUpdate: true } })
    const { doc } = (await marked.json()) as { doc: Article }
    expect(doc.significantUpdate).toBe(false)
    expect(Date.parse(doc.modifiedAt!)).toBeGreaterThan(Date.parse('2025-07-02T09:00:00.000Z'))
    expect(jsonLd((await page('dates-story')).text)[0]!.dateModified).toBe(doc.modifiedAt)
  })

  it('never shows a correction that is only in a draft', async () => {
    const story = await createArticle(t.payload, { title: 'Draft correction', authors: [author.id] })
    await t.rest.patch(`/articles/${story.id}?draft=true`, { token: editor.token, body: { corrections: [entry('Not yet approved.')], _status: 'draft' } })
    expect((await page('draft-correction')).text).not.toContain('Not yet approved.')
    const anonymous = await t.rest.get(`/articles/${story.id}?draft=true`)
    expect(((await anonymous.json()) as Article).corrections ?? []).toEqual([])
    const gql = await t.graphql(`{ Article(id: ${graphqlId(story.id)}, draft: true) { corrections { text } } }`)
    expect(gql.data?.Article.corrections ?? []).toEqual([])
    expect((await get(correctionsRoute, '/corrections', {})).text).not.toContain('Not yet approved.')
  })

  it('/corrections lists published corrections and clarifications, newest first, with links, and its feed follows', async () => {
    const tags = await loggedTags(t.payload)
    const older = await createArticle(t.payload, { title: 'Older fix', authors: [author.id], corrections: [entry('First fix.', '2025-07-01T09:00:00.000Z')] })
    await createArticle(t.payload, { title: 'Newer fix', authors: [author.id], corrections: [entry('Second fix.', '2025-07-03T09:00:00.000Z', 'clarification')] })
    await createArticle(t.payload, { title: 'Only an update', authors: [author.id], corrections: [entry('An update, not a correction.', '2025-07-04T09:00:00.000Z', 'update')] })
    await createArticle(t.payload, { title: 'Unpublished fix', authors: [author.id], corrections: [entry('Draft fix.', '2025-07-05T09:00:00.000Z')] }, 'draft')
    expect(await tags.since()).toContain('corrections')

    const listing = await get(correctionsRoute, '/corrections', {})
    expect(listing.status).toBe(200)
    expect(listing.text).toContain('<a href="/articles/older-fix#corrections">Older fix</a>')
    expect(listing.text.indexOf('Newer fix')).toBeLessThan(listing.text.indexOf('Older fix'))
    for (const hidden of ['Only an update', 'Unpublished fix', 'Draft fix.']) expect(listing.text).not.toContain(hidden)

    const feed = await get(correctionsFeedRoute, '/corrections/feed.xml', {})
    expect(feed.status).toBe(200)
    expect(feed.text).toContain('<title>Clarification: Newer fix</title>')
    expect(feed.text).toContain('<link>http://localhost:3000/articles/older-fix#corrections</link>')
    expect(feed.text).not.toContain('Unpublished fix')

    // Unpublishing takes it off the log at once.
    await t.payload.update({ collection: 'articles', id: older.id, data: { _status: 'draft' } })
    expect((await get(correctionsRoute, '/corrections', {})).text).not.toContain('Older fix')
    expect((await get(correctionsPageRoute, '/corrections/page/2', { page: '2' })).status).toBe(404)
  })

  it('keeps Sponsored articles out of the Google News sitemap', async () => {
    const now = new Date().toISOString()
    await createArticle(t.payload, { title: 'Paid partner piece', kind: 'sponsored', authors: [author.id], publishedAt: now })
    await createArticle(t.payload, { title: 'Our own analysis', kind: 'analysis', authors: [author.id], publishedAt: now })
    const news = await get(newsSitemapRoute, '/news-sitemap.xml', {})
    expect(news.text).toContain('<news:title>Our own analysis</news:title>')
    expect(news.text).not.toContain('Paid partner piece')
    const sponsored = await page('paid-partner-piece')
    expect(sponsored.text).toContain('<p class="label">Sponsored</p>')
    expect(jsonLd(sponsored.text)[0]!['@type']).toBe('AdvertiserContentArticle')
  })
})

describe('site settings', () => {
  it('are read by anyone and changed only by editors and admins', async () => {
    expect((await t.rest.get('/globals/site-settings')).status).toBe(200)
    const change = { name: 'The Harbour Times', policies: { corrections: '/about/corrections' } }
    expect((await t.rest.post('/globals/site-settings', { body: change })).status).toBe(403)
    expect((await t.rest.post('/globals/site-settings', { token: writer.token, body: change })).status).toBe(403)
    const gql = await t.graphql('mutation { updateSiteSetting(data: { name: "Hijacked" }) { name } }', { token: writer.token })
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)

    const tags = await loggedTags(t.payload)
    expect((await t.rest.post('/globals/site-settings', { token: editor.token, body: change })).status).toBe(200)
    expect(await tags.since()).toContain('site')
    const html = (await get(correctionsRoute, '/corrections', {})).text
    expect(html).toContain('<a href="/" class="site-name">The Harbour Times</a>')
    expect(html).toContain('<a href="/about/corrections">Corrections policy</a>')
    const organization = jsonLd(html).find((data) => data['@type'] === 'NewsMediaOrganization')
    expect(organization).toMatchObject({ name: 'The Harbour Times', correctionsPolicy: 'http://localhost:3000/about/corrections' })
  })

  it('refuse a policy URL that is not http(s) or a site path, naming the field', async () => {
    for (const bad of ['javascript:alert(1)', '//evil.example/x', 'ftp://example.org/ethics']) {
      const response = await t.rest.post('/globals/site-settings', { token: admin.token, body: { name: 'Masthead', policies: { ethics: bad } } })
      expect(response.status).toBe(400)
      expect(await response.text()).toContain('The Ethics policy must be an http:// or https:// address')
    }
  })
})

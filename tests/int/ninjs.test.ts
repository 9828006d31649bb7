import { readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Article, Author, User } from '@/payload-types'
import { missingId } from './support/database'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
const validate = ajv.compile(JSON.parse(readFileSync(path.join(process.cwd(), 'lib/seo/ninjs-schema-2.1.json'), 'utf8')))

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
let t: TestPayload
let author: Author
let editor: { id: User['id']; token: string }
let writer: { id: User['id']; token: string }
let published: Article
let draft: Article
let articleRoute: Route<{ slug: string }>

beforeAll(async () => {
  t = await startPayload()
  await createUser(t.payload, ['admin'], 'admin')
  editor = await createUser(t.payload, ['editor'], 'editor')
  writer = await createUser(t.payload, ['writer'], 'writer')
  author = await createAuthor(t.payload, 'Zeina Khodr')
  published = await createArticle(t.payload, {
    title: 'Harbour reopens',
    authors: [author.id],
    dateline: 'Tyre',
    kind: 'analysis',
    corrections: [{ type: 'correction', date: '2025-07-02T09:00:00.000Z', text: 'The harbour is in Tyre.' }],
  })
  // A newer draft on top of the published story, and a story never published.
  await t.payload.update({ collection: 'articles', id: published.id, data: { title: 'Secret rewrite' }, draft: true })
  draft = await createArticle(t.payload, { title: 'Embargoed scoop', authors: [author.id] }, 'draft')
  ;({ GET: articleRoute } = await import('@/app/(site)/articles/[slug]/route'))
})
afterAll(async () => t?.cleanup())

const ninjsOf = async (response: Response) => {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  const body = await response.json()
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true)
  return body
}

describe('GET /api/articles/:id/ninjs', () => {
  it('gives anonymous readers the published version as valid ninjs, never the newer draft', async () => {
    for (const query of ['', '?draft=true']) {
      const response = await t.rest.get(`/articles/${published.id}/ninjs${query}`)
      expect(response.status).toBe(200)
      const ninjs = await ninjsOf(response)
      expect(ninjs.headlines).toEqual([{ role: 'main', value: 'Harbour reopens' }])
      expect(ninjs).toMatchObject({ by: 'Zeina Khodr', located: 'Tyre', pubstatus: 'usable', genres: [{ name: 'Analysis', literal: 'analysis' }] })
      expect(ninjs.bodies[0]).toMatchObject({ contenttype: 'text/html', value: '<p>Body of Harbour reopens.</p>' })
    }
  })

  it('never serves a draft to anonymous readers, even with draft=true', async () => {
    for (const query of ['', '?draft=true']) expect((await t.rest.get(`/articles/${draft.id}/ninjs${query}`)).status).toBe(404)
  })

  it('serves staff the latest draft when they ask for it, and the published version otherwise', async () => {
    for (const user of [editor, writer]) {
      const latest = await ninjsOf(await t.rest.get(`/articles/${published.id}/ninjs?draft=true`, { token: user.token }))
      expect(latest.headlines[0].value).toBe('Secret rewrite')
      const scoop = await ninjsOf(await t.rest.get(`/articles/${draft.id}/ninjs?draft=true`, { token: user.token }))
      expect(scoop).toMatchObject({ pubstatus: 'withheld', headlines: [{ value: 'Embargoed scoop' }] })
    }
    const current = await ninjsOf(await t.rest.get(`/articles/${published.id}/ninjs`, { token: editor.token }))
    expect(current.headlines[0].value).toBe('Harbour reopens')
  })

  it('answers a malformed id with a 400 and a missing one with a 404', async () => {
    const bad = await t.rest.get('/articles/abc/ninjs')
    expect(bad.status).toBe(400)
    expect((await bad.json()).errors[0].message).toBe('"abc" is not the id of an article.')
    expect((await t.rest.get(`/articles/${missingId(987654)}/ninjs`)).status).toBe(404)
  })
})

describe('/articles/<slug>.ninjs.json', () => {
  const get = (slug: string) => articleRoute(new Request(`http://localhost:3000/articles/${slug}`), { params: Promise.resolve({ slug }) })

  it('is the published article as valid ninjs, with its correction', async () => {
    const response = await get('harbour-reopens.ninjs.json')
    expect(response.status).toBe(200)
    const ninjs = await ninjsOf(response)
    expect(ninjs.headlines[0].value).toBe('Harbour reopens')
    expect(ninjs.descriptions).toContainEqual({ role: 'correction', value: '2025-07-02: The harbour is in Tyre.' })
  })

  it('is a 404 for a draft, an unknown slug or a malformed one; the page itself is unchanged', async () => {
    expect((await get('embargoed-scoop.ninjs.json')).status).toBe(404)
    expect((await get('no-such-story.ninjs.json')).status).toBe(404)
    expect((await get('Not A Slug.ninjs.json')).status).toBe(404)
    const page = await get('harbour-reopens')
    expect(page.headers.get('content-type')).toContain('text/html')
  })
})

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Author } from '@/payload-types'
import { monthOf } from '@/lib/seo/sitemap-parts'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

// Old URLs keep working: slug history and the redirect manager, through the reader routes.
vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
type Routes = { article: Route<{ slug: string }>; author: Route<{ slug: string }>; unknown: Route<{ unknown: string[] }> }
const routes = {} as Routes

/** Asks the reader route a browser would reach for `path` (percent-encoded), as Next calls it. */
function visit(path: string): Promise<Response> {
  const request = new Request(`http://localhost:3000${path}`)
  const segments = path.split('/').slice(1).map(decodeURIComponent)
  const [first, slug] = segments
  if (segments.length === 2 && first === 'articles') return routes.article(request, { params: Promise.resolve({ slug: slug! }) })
  if (segments.length === 2 && first === 'authors') return routes.author(request, { params: Promise.resolve({ slug: slug! }) })
  return routes.unknown(request, { params: Promise.resolve({ unknown: segments }) })
}

const enc = (path: string) => encodeURI(path)

let t: TestPayload
let author: Author
let editor: { token: string }
let writer: { token: string }
beforeAll(async () => {
  t = await startPayload()
  author = await createAuthor(t.payload, 'Zeina Khodr')
  editor = await createUser(t.payload, ['editor'])
  writer = await createUser(t.payload, ['writer'])
  routes.article = (await import('@/app/(site)/articles/[slug]/route')).GET
  routes.author = (await import('@/app/(site)/authors/[slug]/route')).GET
  routes.unknown = (await import('@/app/(site)/[...unknown]/route')).GET
})
afterAll(async () => t?.cleanup())

const rename = (id: number | string, slug: string) => t.payload.update({ collection: 'articles', id, data: { slug, _status: 'published' } })

describe('slug history', () => {
  it('redirects every old path of a renamed article to its current one, in one hop', async () => {
    const story = await createArticle(t.payload, { title: 'Talks begin', authors: [author.id] })
    expect((await visit('/articles/talks-begin')).status).toBe(200)
    await rename(story.id, 'talks-resume')
    // Renamed in a draft first, then published: what counts is what readers saw.
    await t.payload.update({ collection: 'articles', id: story.id, data: { slug: 'محادثات-هادئة' }, draft: true })
    expect((await visit('/articles/talks-resume')).status).toBe(200)
    await t.payload.update({ collection: 'articles', id: story.id, data: { _status: 'published' } })

    const current = `/articles/${encodeURIComponent('محادثات-هادئة')}`
    for (const old of ['/articles/talks-begin', '/articles/talks-resume']) {
      const response = await visit(old)
      expect(response.status, old).toBe(308)
      expect(response.headers.get('location'), old).toBe(current)
    }
    expect((await visit(current)).status).toBe(200)
    const { docs } = await t.payload.find({ collection: 'redirects', where: { origin: { equals: 'auto' } }, sort: 'from' })
    expect(docs.map(({ from, to }) => [from, to])).toEqual([
      ['/articles/talks-begin', '/articles/محادثات-هادئة'],
      ['/articles/talks-resume', '/articles/محادثات-هادئة'],
    ])
  })

  it('serves a redirect from the page cache until the redirect changes', async () => {
    const story = await createArticle(t.payload, { title: 'Port closes', authors: [author.id] })
    await rename(story.id, 'port-closes-for-storm')
    const first = await visit('/articles/port-closes')
    expect([first.status, first.headers.get('x-page-cache')]).toEqual([308, 'MISS'])
    const again = await visit('/articles/port-closes')
    expect([again.status, again.headers.get('x-page-cache'), again.headers.get('location')]).toEqual([308, 'HIT', '/articles/port-closes-for-storm'])
    await rename(story.id, 'port-reopens')
    const moved = await visit('/articles/port-closes')
    expect([moved.status, moved.headers.get('x-page-cache'), moved.headers.get('location')]).toEqual([308, 'MISS', '/articles/port-reopens'])
  })

  it('lets an old slug reused by another article win over its redirect', async () => {
    const first = await createArticle(t.payload, { title: 'Ceasefire holds', authors: [author.id] })
    await rename(first.id, 'ceasefire-holds-for-a-week')
    expect((await visit('/articles/ceasefire-holds')).status).toBe(308)
    await createArticle(t.payload, { title: 'Ceasefire holds', authors: [author.id] })
    const response = await visit('/articles/ceasefire-holds')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<h1>Ceasefire holds</h1>')
    const { totalDocs } = await t.payload.find({ collection: 'redirects', where: { from: { equals: '/articles/ceasefire-holds' } } })
    expect(totalDocs).toBe(0)
  })

  it('does the same for authors', async () => {
    const reporter = await createAuthor(t.payload, 'Dana Levi')
    await t.payload.update({ collection: 'authors', id: reporter.id, data: { slug: 'דנה-לוי' } })
    const response = await visit('/authors/dana-levi')
    expect(response.status).toBe(308)
    expect(response.headers.get('location')).toBe(`/authors/${encodeURIComponent('דנה-לוי')}`)
  })

  it('leaves old URLs out of the sitemap', async () => {
    const { getSitemapArticles } = await import('@/lib/content/sitemap-queries')
    const { docs } = await t.payload.find({ collection: 'articles', where: { slug: { equals: 'port-reopens' } }, depth: 0 })
    const slugs = (await getSitemapArticles(monthOf(docs[0]!.publishedAt)!)).map((article) => article.slug)
    expect(slugs).toContain('port-reopens')
    expect(slugs).not.toContain('port-closes')
    expect(slugs).not.toContain('port-closes-for-storm')
  })
})

describe('the redirect manager', () => {
  const create = (body: object, token = editor.token) => t.rest.post('/redirects', { token, body })
  const errorsOf = async (response: Response) => JSON.stringify(await response.json())

  it('redirects an old path of a migrated site, permanently or not', async () => {
    expect((await create({ from: '/2019/05/old-story.html', to: '/articles/port-reopens' })).status).toBe(201)
    const response = await visit('/2019/05/old-story.html')
    expect([response.status, response.headers.get('location')]).toEqual([308, '/articles/port-reopens'])
    // An article's old path is itself a redirect: pointing there would make a chain.
    const chained = await create({ from: '/2019/06/other.html', to: '/articles/talks-begin' })
    expect(chained.status).toBe(400)
    expect(await errorsOf(chained)).toContain('Chain: /articles/talks-begin already redirects to /articles/محادثات-هادئة')
  })

  it('replaces a cached 404 the moment a redirect is added for its path', async () => {
    expect((await visit('/gone/for-now')).status).toBe(404)
    expect((await visit('/gone/for-now')).headers.get('x-page-cache')).toBe('HIT')
    expect((await create({ from: '/gone/for-now/', to: '/articles/port-reopens' })).status).toBe(201)
    const response = await visit('/gone/for-now')
    expect([response.status, response.headers.get('location')]).toEqual([308, '/articles/port-reopens'])
  })

  it('refuses loops and chains, naming the paths', async () => {
    expect((await create({ from: '/old-a', to: '/old-b' })).status).toBe(201)
    const loop = await create({ from: '/old-b', to: '/old-a' })
    expect(loop.status).toBe(400)
    expect(await errorsOf(loop)).toContain('Loop: /old-b → /old-a → /old-b')
    const chain = await create({ from: '/old-c', to: 'http://localhost:3000/old-a' })
    expect(chain.status).toBe(400)
    expect(await errorsOf(chain)).toContain('Chain: /old-a already redirects to /old-b')
    const inward = await create({ from: '/old-b', to: '/elsewhere' })
    expect(inward.status).toBe(400)
    expect(await errorsOf(inward)).toContain('Chain: /old-a already redirects to /old-b')
    const self = await create({ from: '/same/', to: '/same' })
    expect(await errorsOf(self)).toContain('/same would redirect to itself')
  })

  it.each([
    ['javascript:alert(1)', 'not an http(s) URL'],
    ['//evil.example/x', 'neither a path on the site'],
    ['/\\evil.example', 'backslash'],
    ['data:text/html,hi', 'not an http(s) URL'],
    ['articles/relative', 'neither a path on the site'],
  ])('refuses the target %j', async (to, message) => {
    const response = await create({ from: `/from-${Math.random().toString(36).slice(2)}`, to })
    expect(response.status).toBe(400)
    expect(await errorsOf(response)).toContain(message)
  })

  it('sends a temporary redirect to another site as it is', async () => {
    expect((await create({ from: '/live', to: 'https://live.example/coverage?ref=masthead', status: '307' })).status).toBe(201)
    const response = await visit('/live')
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('https://live.example/coverage?ref=masthead')
  })

  it('is for editors and admins only, through REST and GraphQL', async () => {
    for (const token of [undefined, writer.token]) {
      expect((await t.rest.get('/redirects', { token })).status).toBe(403)
      expect((await t.rest.post('/redirects', { token, body: { from: '/x', to: '/y' } })).status).toBe(403)
      const gql = await t.graphql('{ Redirects { docs { from to } } }', { token })
      expect(gql.errors?.[0]?.message).toMatch(/not allowed/)
      const mutation = await t.graphql('mutation { createRedirect(data: { from: "/x", to: "/y" }) { id } }', { token })
      expect(mutation.errors?.[0]?.message).toMatch(/not allowed/)
      const imported = await t.rest.post('/redirects/import', { token, body: { csv: '/x,/y' } })
      expect(imported.status).toBe(403)
    }
    expect((await create({ from: '/editor-made', to: '/y' })).status).toBe(201)
    const listed = await t.rest.get('/redirects?limit=100', { token: editor.token })
    expect(listed.status).toBe(200)
    expect((await listed.json()).docs.some((doc: { from: string }) => doc.from === '/editor-made')).toBe(true)
    // Where a redirect came from is the server's to say.
    const forged = await create({ from: '/forged', to: '/y', origin: 'auto' })
    expect((await forged.json()).doc.origin).toBe('manual')
  })
})

describe('CSV import', () => {
  const importCsv = (csv: string, token = editor.token) =>
    t.rest.post('/redirects/import', { token, body: { csv } })

  it('imports every good line and names each broken one', async () => {
    const csv = [
      'from,to,status',
      '/wp/2018/01/harbour,/articles/port-reopens',
      '"/wp/2018/02/a,b",https://archive.example/a-b,301',
      '/wp/2018/03/broken,"/articles/unclosed',
      '/wp/2018/04/bad-status,/articles/port-reopens,200',
      'javascript:alert(1),/articles/port-reopens',
      '',
      '/wp/2018/05/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7,/tags/سوريا,302',
      '/old-c,/old-a',
    ].join('\n')
    const response = await importCsv(csv)
    expect(response.status).toBe(200)
    const report = await response.json()
    expect(report).toMatchObject({ created: 3, updated: 0, unchanged: 0, errors: 4 })
    const errors = report.lines.filter((line: { result: string }) => line.result === 'error').map((line: { message: string }) => line.message)
    expect(errors[0]).toMatch(/^Line 4: not valid CSV/)
    expect(errors[1]).toBe('Line 5: status "200" is not one of 301, 302, 307, 308')
    expect(errors[2]).toMatch(/^Line 6: From: "javascript:alert\(1\)" is not a path on the site/)
    expect(errors[3]).toMatch(/^Line 9: .*Chain: \/old-a already redirects to \/old-b/)

    expect((await visit('/wp/2018/01/harbour')).headers.get('location')).toBe('/articles/port-reopens')
    const quoted = await visit(enc('/wp/2018/02/a,b'))
    expect([quoted.status, quoted.headers.get('location')]).toEqual([301, 'https://archive.example/a-b'])
    const arabic = await visit('/wp/2018/05/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7')
    expect([arabic.status, arabic.headers.get('location')]).toEqual([302, `/tags/${encodeURIComponent('سوريا')}`])

    // The same file again changes nothing.
    expect(await (await importCsv(csv)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 3, errors: 4 })
  })

  it('says what is wrong with an empty body', async () => {
    const response = await importCsv('')
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Send the CSV as the request body')
  })
})

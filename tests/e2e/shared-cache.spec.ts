import { spawn, type ChildProcess } from 'node:child_process'
import http from 'node:http'
import { expect, test } from '@playwright/test'
import { paragraphsToLexical } from '../../lib/text/lexical'
import { ADMIN } from './support/accounts'
import { E2E_URL, E2E_VARNISH_URL, SECOND_PORT } from './support/server'

/**
 * Many processes, one truth, and a shared cache in front: Varnish (deploy/varnish/masthead.vcl,
 * started by playwright.config.ts) round-robins over the e2e server (A) and a second server process
 * (B) started here on the same database and build. An editor works through A only; readers, through
 * Varnish or straight at B, must see every change within a second, and nothing private may ever be
 * stored by Varnish. Plain HTTP, no browser.
 */

const A = E2E_URL
const B = `http://127.0.0.1:${SECOND_PORT}`
const VARNISH = E2E_VARNISH_URL
/** How soon a change must show everywhere, from the editor's call returning (issue 11). */
const PROPAGATION_MS = 1000

test.describe.configure({ mode: 'serial' })

let second: ChildProcess | undefined
let token = ''

interface Answer {
  status: number
  headers: Headers
  text: string
}

async function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${origin}${path}`, { headers, redirect: 'manual' })
  return { status: response.status, headers: response.headers, text: await response.text() }
}

async function api(method: string, path: string, body?: unknown): Promise<{ doc: { id: number; slug: string } }> {
  const response = await fetch(`${A}${path}`, {
    method,
    headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300)
  return response.json()
}

/** `check` must come true through Varnish, B and A within PROPAGATION_MS from now (polled every 20 ms). */
async function everywhere(label: string, check: (origin: string) => Promise<boolean>): Promise<void> {
  await Promise.all(
    [VARNISH, B, A].map((origin) =>
      expect.poll(() => check(origin), { message: `${label} through ${origin}`, timeout: PROPAGATION_MS, intervals: [20] }).toBe(true),
    ),
  )
}

test.beforeAll(async () => {
  test.setTimeout(180_000)
  const env = { ...process.env, ...JSON.parse(process.env.E2E_SERVER_ENV ?? '{}'), PORT: String(SECOND_PORT), NODE_ENV: 'production' }
  // The production server itself (no build: it shares the first one's), as a second container would run it.
  second = spawn(process.execPath, ['server/serve.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] })
  await expect
    .poll(async () => (await fetch(`${B}/api/articles?limit=1`).catch(() => null))?.status, { timeout: 150_000, intervals: [500] })
    .toBe(200)
  const login = await fetch(`${A}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  })
  token = (await login.json()).token
  expect(token).toBeTruthy()
})

test.afterAll(async () => {
  if (!second || second.exitCode !== null) return
  const exited = new Promise((resolve) => second!.once('exit', resolve))
  second.kill('SIGTERM')
  await exited
})

test('reader pages tell shared caches their keys, and browsers how to revalidate (ETag → 304)', async () => {
  const first = await get(A, '/')
  expect(first.status).toBe(200)
  expect(first.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=31536000, stale-if-error=86400')
  const keys = first.headers.get('xkey')!.split(' ')
  expect(keys).toEqual(expect.arrayContaining(['masthead', 'articles:latest']))
  expect(first.headers.get('surrogate-key')).toBe(first.headers.get('xkey'))
  const etag = first.headers.get('etag')!
  expect(etag).toMatch(/^"[\w-]{22}(-gz)?"$/)

  // The same bytes from the other process carry the same validator: it is a hash of the page.
  const again = await get(A, '/', { 'if-none-match': etag })
  expect(again.status).toBe(304)
  expect(again.text).toBe('')
  expect(again.headers.get('etag')).toBe(etag)
  await expect.poll(async () => (await get(B, '/', { 'if-none-match': etag })).status).toBe(304)

  // Through Varnish: kept (a hit the second time), the keys stay inside, browsers are told max-age=0.
  await get(VARNISH, '/')
  await expect.poll(async () => (await get(VARNISH, '/')).headers.get('x-cache')).toBe('HIT')
  const cached = await get(VARNISH, '/')
  expect(Number(cached.headers.get('x-varnish')?.split(' ').length)).toBe(2)
  expect(cached.headers.get('cache-control')).toBe('public, max-age=0, stale-if-error=86400')
  expect(cached.headers.get('xkey')).toBeNull()
  expect(cached.headers.get('surrogate-key')).toBeNull()
  expect((await get(VARNISH, '/', { 'if-none-match': cached.headers.get('etag')! })).status).toBe(304)
})

/** The bytes as sent, with exactly these request headers (fetch would add Accept-Encoding and decode). */
function raw(origin: string, path: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${origin}${path}`, { headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }))
        response.on('error', reject)
      })
      .on('error', reject)
  })
}

test('Varnish keeps a copy per encoding and sends each as the origin made it, never gunzipping its gzip copy', async () => {
  const cases: [acceptEncoding: string | undefined, sent: string | undefined][] = [
    [undefined, undefined],
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['GZIP;q=0.5', 'gzip'],
    ['gzip;q=0', undefined],
  ]
  for (const path of ['/', '/feed.xml']) {
    for (const [acceptEncoding, sent] of cases) {
      const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
      const label = `${path} with Accept-Encoding ${acceptEncoding ?? '(none)'}`
      const origin = await raw(A, path, headers)
      expect(origin.headers['content-encoding'], label).toBe(sent)
      await expect.poll(async () => (await raw(VARNISH, path, headers)).headers['x-cache'], { message: label }).toBe('HIT')
      const cached = await raw(VARNISH, path, headers)
      expect(cached.headers['content-encoding'], label).toBe(sent)
      // The origin's own validator and bytes: a copy Varnish decoded would carry the gzip one's (weakened).
      expect(cached.headers.etag, label).toBe(origin.headers.etag)
      expect(cached.body.equals(origin.body), label).toBe(true)
      expect(cached.headers.vary, label).toBe('Accept-Encoding')
    }
  }
})

test('a publish through one process reaches Varnish and the other process at once; drafts and private answers never do', async () => {
  test.setTimeout(120_000)
  const stamp = Date.now()
  const title = `Harbour cranes stand idle ${stamp}`
  const marker = `UNPUBLISHEDREWRITE${stamp}`
  const { docs } = await (await fetch(`${A}/api/authors?limit=1&depth=0`, { headers: { Authorization: `JWT ${token}` } })).json()
  const { doc } = await api('POST', '/api/articles?draft=true', {
    title,
    standfirst: 'Dockers stop work at dawn.',
    authors: [docs[0].id],
    section: 'business',
    tags: [`Port ${stamp}`],
    body: paragraphsToLexical(['The first paragraph.', 'The second paragraph.']),
    _status: 'draft',
  })
  const article = `/articles/${doc.slug}`
  const shows = (answer: Answer) => answer.status === 200 && answer.text.includes(title)

  // Readers everywhere have the 404, the home page and the feed cached before the news breaks.
  for (const origin of [VARNISH, VARNISH, B, A]) {
    expect((await get(origin, article)).status).toBe(404)
    expect((await get(origin, '/')).text).not.toContain(title)
    expect((await get(origin, '/feed.xml')).text).not.toContain(title)
  }
  await expect.poll(async () => (await get(VARNISH, '/feed.xml')).headers.get('x-cache')).toBe('HIT')
  await expect.poll(async () => (await get(VARNISH, article)).headers.get('x-cache')).toBe('HIT')

  await api('PATCH', `/api/articles/${doc.id}`, { _status: 'published' })
  await everywhere('the published article', async (origin) => shows(await get(origin, article)))
  await everywhere('the home page listing it', async (origin) => shows(await get(origin, '/')))
  await everywhere('the feed listing it', async (origin) => (await get(origin, '/feed.xml')).text.includes(title))
  // …and Varnish keeps the new pages again (once the second purge, a second later, has passed too).
  await expect.poll(async () => (await get(VARNISH, article)).headers.get('x-cache'), { timeout: 5000 }).toBe('HIT')

  // A newer draft on top of the published article: never served to readers, from any cache.
  await api('PATCH', `/api/articles/${doc.id}?draft=true`, { standfirst: marker })
  for (let round = 0; round < 5; round++) {
    for (const origin of [VARNISH, B, A]) {
      for (const path of [article, '/']) expect((await get(origin, path)).text, `${origin}${path}`).not.toContain(marker)
    }
  }

  // Staff previewing it in draft mode go past Varnish, and what they see is stored nowhere.
  const preview = await get(VARNISH, `/preview?slug=${doc.slug}`, { Authorization: `JWT ${token}` })
  expect(preview.status).toBe(307)
  expect(preview.headers.get('x-cache')).toBe('PASS')
  const draftCookie = preview.headers.get('set-cookie')!.split(';')[0]!
  expect(draftCookie).toMatch(/^__prerender_bypass=/)
  const PREVIEW = 'Preview of the latest draft'
  for (let i = 0; i < 2; i++) {
    // As a browser navigating sends it: Payload honours a session cookie without Origin only with Sec-Fetch-Site.
    const draft = await get(VARNISH, article, { Cookie: `${draftCookie}; payload-token=${token}`, 'Sec-Fetch-Site': 'same-origin' })
    expect(draft.text).toContain(PREVIEW)
    expect(draft.text).toContain(marker)
    expect(draft.headers.get('x-cache')).toBe('PASS')
    expect(draft.headers.get('cache-control')).toBe('private, no-store')
  }
  for (const origin of [VARNISH, B, A]) {
    const reader = await get(origin, article)
    expect(reader.text).not.toContain(PREVIEW)
    expect(reader.text).not.toContain(marker)
  }

  // Signed-in staff reading the site: the same page, answered privately, never stored.
  const staff = await get(VARNISH, '/', { Cookie: `theme=dark; payload-token=${token}` })
  expect(staff.headers.get('x-cache')).toBe('PASS')
  expect(staff.headers.get('cache-control')).toBe('private, no-store')
  expect(staff.headers.get('xkey')).toBeNull()
  // Other cookies do not stop readers from sharing the cache.
  await expect.poll(async () => (await get(VARNISH, '/', { Cookie: 'consent=yes' })).headers.get('x-cache')).toBe('HIT')

  // The API and the admin: passed every time, and private at the origin too.
  for (const path of ['/api/articles?limit=1', `/api/articles/${doc.id}?draft=true`, '/api/users/me', '/admin/login']) {
    for (let i = 0; i < 2; i++) {
      const answer = await get(VARNISH, path, { Authorization: `JWT ${token}` })
      expect(answer.headers.get('x-cache'), path).toBe('PASS')
      expect(answer.headers.get('age'), path).toBe('0')
    }
    expect((await get(A, path, { Authorization: `JWT ${token}` })).headers.get('cache-control'), path).toMatch(/private|no-store/)
  }

  // Unpublished: gone from every page, through every process and the cache.
  await api('PATCH', `/api/articles/${doc.id}`, { _status: 'draft' })
  await everywhere('the unpublished article gone', async (origin) => (await get(origin, article)).status === 404)
  await everywhere('the home page without it', async (origin) => !(await get(origin, '/')).text.includes(title))
  await everywhere('the feed without it', async (origin) => !(await get(origin, '/feed.xml')).text.includes(title))
  expect((await get(VARNISH, article)).text).not.toContain(marker)
})

test('a purge is refused without keys', async () => {
  const answer = await fetch(`${VARNISH}/`, { method: 'PURGE' })
  expect(answer.status).toBe(400)
  // (From loopback the ACL lets the servers purge; server/varnish.ts allows nothing else.)
  expect((await fetch(`${VARNISH}/`, { method: 'PURGE', headers: { 'xkey-purge': 'no-such-key' } })).status).toBe(200)
})

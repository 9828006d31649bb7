import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { PageCache } from '@/server/page-cache'
import { serveCachedPage } from '@/server/fast-path'
import { renderedPage } from '@/server/page-reply'

const HTML = '<!DOCTYPE html><html lang="en"><title>Grain prices · Masthead</title><h1>Grain prices — “fall”</h1></html>'
const cache = new PageCache(1_000_000)
let origin = ''
let server: http.Server

// A server like server/server.ts, with "Next" answering 299 for whatever the fast path leaves to it.
beforeAll(async () => {
  const tags = ['article:grain', 'articles:latest']
  cache.set('/articles/grain', renderedPage({ status: 200, text: HTML, tags }), tags, cache.begin())
  cache.set('/articles/gone', renderedPage({ status: 404, text: 'Not found', tags: ['article:gone'], gzip: false }), ['article:gone'], cache.begin())
  server = http.createServer((request, response) => {
    if (!serveCachedPage(request, response, cache)) response.writeHead(299).end('next')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .request(`${origin}${path}`, { method, headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
      .end()
  })
}

it('answers a cached page with the reader headers, whatever the query string', async () => {
  for (const path of ['/articles/grain', '/articles/grain?utm_source=feed']) {
    const { status, headers, body } = await get(path)
    expect(status).toBe(200)
    expect(body.toString('utf8')).toBe(HTML)
    expect(headers['content-length']).toBe(String(Buffer.byteLength(HTML)))
    expect(headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=0, s-maxage=31536000, stale-if-error=86400',
      'surrogate-key': 'masthead article:grain articles:latest',
      xkey: 'masthead article:grain articles:latest',
      'x-page-cache': 'HIT',
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
    })
    expect(headers['content-security-policy']).toContain("script-src 'none'")
    expect(headers['strict-transport-security']).toBeUndefined()
  }
})

it('sends the brotli copy to clients that accept it, else the gzipped one, HSTS behind HTTPS, and no body for HEAD', async () => {
  const squeezed = await get('/articles/grain', { 'accept-encoding': 'gzip, deflate, br, zstd', 'x-forwarded-proto': 'https' })
  expect(squeezed.headers['content-encoding']).toBe('br')
  expect(squeezed.headers['content-length']).toBe(String(squeezed.body.length))
  expect(brotliDecompressSync(squeezed.body).toString('utf8')).toBe(HTML)
  expect(squeezed.headers.vary).toBe('Accept-Encoding')
  expect(squeezed.headers['strict-transport-security']).toMatch(/^max-age=\d+/)
  const zipped = await get('/articles/grain', { 'accept-encoding': 'gzip, br;q=0' })
  expect(zipped.headers['content-encoding']).toBe('gzip')
  expect(gunzipSync(zipped.body).toString('utf8')).toBe(HTML)
  const head = await get('/articles/grain', {}, 'HEAD')
  expect(head.status).toBe(200)
  expect(head.body.length).toBe(0)
})

it('answers 304 with no body to a client holding the same page, per encoding', async () => {
  const plain = await get('/articles/grain')
  const zipped = await get('/articles/grain', { 'accept-encoding': 'gzip' })
  expect(plain.headers.etag).toMatch(/^"[\w-]{22}"$/)
  expect(zipped.headers.etag).toBe(`${plain.headers.etag!.slice(0, -1)}-gz"`)
  const squeezed = await get('/articles/grain', { 'accept-encoding': 'br' })
  expect(squeezed.headers.etag).toBe(`${plain.headers.etag!.slice(0, -1)}-br"`)

  const tagFor = { '': plain.headers.etag, gzip: zipped.headers.etag, br: squeezed.headers.etag }
  for (const [etag, encoding] of [[plain.headers.etag!, ''], [`W/${zipped.headers.etag}`, 'gzip'], [squeezed.headers.etag!, 'br'], ['"other", *', '']] as const) {
    const again = await get('/articles/grain', { 'if-none-match': etag, 'accept-encoding': encoding })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    expect(again.headers['content-length']).toBeUndefined()
    expect(again.headers).toMatchObject({ 'cache-control': plain.headers['cache-control'], vary: 'Accept-Encoding' })
    expect(again.headers.etag).toBe(tagFor[encoding])
  }
  // Another encoding's validator, or another page's, gets the whole page.
  expect((await get('/articles/grain', { 'if-none-match': zipped.headers.etag! })).status).toBe(200)
  expect((await get('/articles/grain', { 'if-none-match': squeezed.headers.etag!, 'accept-encoding': 'gzip' })).status).toBe(200)
  expect((await get('/articles/grain', { 'if-none-match': '"AAAAAAAAAAAAAAAAAAAAAA"' })).status).toBe(200)
})

it('marks a page answered to signed-in staff private, with no surrogate keys', async () => {
  const { status, headers, body } = await get('/articles/grain', { cookie: 'theme=dark; payload-token=abc.def' })
  expect(status).toBe(200)
  expect(body.toString('utf8')).toBe(HTML)
  expect(headers['cache-control']).toBe('private, no-store')
  expect(headers['surrogate-key']).toBeUndefined()
  expect(headers.xkey).toBeUndefined()
  // …and never 304 from a validator a shared cache might hold.
  expect((await get('/articles/grain', { cookie: 'payload-token=x', 'if-none-match': headers.etag! })).status).toBe(200)
})

it('keeps cached 404s', async () => {
  const { status, body, headers } = await get('/articles/gone')
  expect(status).toBe(404)
  expect(body.toString()).toBe('Not found')
  expect(headers.xkey).toBe('masthead article:gone')
  // A validator only ever turns a 200 into a 304.
  expect((await get('/articles/gone', { 'if-none-match': headers.etag! })).status).toBe(404)
})

it('leaves to Next what is not cached, not a read, or a draft-mode preview', async () => {
  expect((await get('/articles/other')).status).toBe(299)
  expect((await get('/articles/grain', {}, 'POST')).status).toBe(299)
  expect((await get('/articles/grain', { cookie: 'theme=dark; __prerender_bypass=abc' })).status).toBe(299)
  cache.invalidate(['article:grain'])
  expect((await get('/articles/grain')).status).toBe(299)
})

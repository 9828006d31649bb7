import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { keyBatches, parsePurgeUrls, purgeKeys, purgeSharedCaches, type PurgeLogger } from '@/server/shared-cache-purge'

// A stand-in Varnish that records each purge, one that never answers, and a port nobody listens on.
const received: { method: string; url: string; keys: string | undefined }[] = []
let varnish: http.Server
let silent: http.Server
let varnishUrl = ''
let silentUrl = ''
let closedUrl = ''

const listen = async (server: http.Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

beforeAll(async () => {
  varnish = http.createServer((request, response) => {
    received.push({ method: request.method!, url: request.url!, keys: request.headers['xkey-purge'] as string | undefined })
    response.writeHead(request.url === '/refuse' ? 403 : 200).end('Purged')
  })
  silent = http.createServer(() => {})
  varnishUrl = await listen(varnish)
  silentUrl = await listen(silent)
  const closed = http.createServer()
  closedUrl = await listen(closed)
  await new Promise((resolve) => closed.close(resolve))
})
afterAll(() => {
  silent.closeAllConnections()
  return Promise.all([varnish, silent].map((server) => new Promise((resolve) => server.close(resolve))))
})
afterEach(() => {
  received.splice(0)
  delete process.env.PURGE_URLS
})

const recorder = () => {
  const errors: string[] = []
  const log: PurgeLogger = { error: ({ msg }) => void errors.push(msg) }
  return { errors, log }
}

it('reads PURGE_URLS as comma-separated http(s) URLs and reports the rest', () => {
  expect(parsePurgeUrls(' http://127.0.0.1:6081 ,https://cache.example/purge,, ')).toEqual({
    urls: ['http://127.0.0.1:6081/', 'https://cache.example/purge'],
    invalid: [],
  })
  expect(parsePurgeUrls('varnish:6081, ftp://x/')).toEqual({ urls: [], invalid: ['varnish:6081', 'ftp://x/'] })
  expect(parsePurgeUrls(undefined)).toEqual({ urls: [], invalid: [] })
})

it('splits long key lists into header-sized batches, each key once', () => {
  expect(keyBatches(['a', 'b', 'a', 'cc'], 4)).toEqual(['a b', 'cc'])
  expect(keyBatches([])).toEqual([])
  const many = Array.from({ length: 1000 }, (_, i) => `article:story-${i}`)
  const batches = keyBatches(many)
  expect(batches.length).toBeGreaterThan(1)
  expect(batches.every((batch) => batch.length <= 4000)).toBe(true)
  expect(batches.join(' ').split(' ')).toEqual(many)
})

it('sends one PURGE per endpoint with the keys in xkey-purge', async () => {
  const { errors, log } = recorder()
  const results = await purgeKeys(['article:a', 'articles:latest'], { urls: [varnishUrl, `${varnishUrl}second`], log })
  expect(received.sort((a, b) => a.url.localeCompare(b.url))).toEqual([
    { method: 'PURGE', url: '/', keys: 'article:a articles:latest' },
    { method: 'PURGE', url: '/second', keys: 'article:a articles:latest' },
  ])
  expect(results.map((result) => result.status)).toEqual([200, 200])
  expect(errors).toEqual([])
})

it('logs an endpoint that refuses, is down or does not answer in time, and never throws', async () => {
  const { errors, log } = recorder()
  const results = await purgeKeys(['article:a'], { urls: [`${varnishUrl}refuse`, closedUrl, silentUrl], timeoutMs: 200, log })
  expect(results.map((result) => result.status ?? 'error')).toEqual([403, 'error', 'error'])
  expect(errors.sort()).toEqual([
    `purging ${closedUrl} failed (keys: article:a)`,
    `purging ${silentUrl} failed (keys: article:a)`,
    `purging ${varnishUrl}refuse answered 403 (keys: article:a)`,
  ].sort())
})

it('purges the keys of expired tags from PURGE_URLS without waiting, and once more a moment later', async () => {
  process.env.PURGE_URLS = varnishUrl
  const { errors, log } = recorder()
  const long = 'article:a-very-long-slug-that-goes-on-and-on-past-forty-characters'
  expect(purgeSharedCaches(['articles:latest', long], log)).toBeUndefined()
  for (let i = 0; i < 100 && received.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 50))
  expect(received).toHaveLength(2)
  expect(received[0]).toEqual(received[1])
  expect(received[0]!.keys).toMatch(/^articles:latest h[0-9a-f]{16}$/)
  expect(errors).toEqual([])
})

it('does nothing when no shared cache is configured', async () => {
  purgeSharedCaches(['articles:latest'])
  await new Promise((resolve) => setTimeout(resolve, 100))
  expect(received).toEqual([])
})

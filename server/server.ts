/**
 * The production server `npm start` runs: Next.js (admin, API, reader routes) behind one fast path
 * that answers cached reader pages itself (server/fast-path.ts). The page cache is one object per
 * process, shared with the Route Handlers that fill it and the Payload hooks that empty it.
 */
import { writeFile } from 'node:fs/promises'
import http from 'node:http'
import { enableCompileCache } from './compile-cache.ts'
import { defaultCacheControl } from './http-cache.ts'
import { pageCache } from './page-cache.ts'
import { serveCachedPage } from './fast-path.ts'
import { hasMalformedPathEscape } from './url-escapes.ts'

const port = Number(process.env.PORT || 3000)
process.title = 'masthead-server'

// Before Next and sharp are loaded (hence their dynamic imports): their code then comes from the cache.
enableCompileCache(process.cwd())
const [{ default: next }, { default: sharp }] = await Promise.all([import('next'), import('sharp')])

// libvips (under sharp) keeps up to 50 MB of decoded images and 100 open files after each use; the
// server resizes a photo once, when it is uploaded, so that cache only holds resident memory.
sharp.cache(false)

const app = next({ dev: false, dir: process.cwd(), port })
const handle = app.getRequestHandler()
await app.prepare()

const cache = pageCache()
const server = http.createServer((request, response) => {
  if (hasMalformedPathEscape(request.url ?? '')) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found: the address has a malformed %-escape.')
    return
  }
  if (serveCachedPage(request, response, cache)) return
  // Payload's API answers (and previews) name no Cache-Control: without one, a CDN may keep them.
  const cacheControl = defaultCacheControl(request.url ?? '/', request.headers.cookie)
  if (cacheControl) response.setHeader('Cache-Control', cacheControl)
  void handle(request, response)
})
server.listen(port, () => console.log(`[masthead] ready on http://localhost:${port}`))

// For bench:soak: where the memory goes, written to a file the benchmark reads (nothing on the network).
const memoryReport = process.env.MASTHEAD_MEMORY_REPORT
if (memoryReport) {
  setInterval(() => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage()
    const report = { at: Date.now(), rss, heapUsed, heapTotal, external, arrayBuffers, pageCacheBytes: cache.bytes, pageCachePages: cache.size }
    writeFile(memoryReport, JSON.stringify(report)).catch(() => {})
  }, 1000).unref()
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    void app.close().finally(() => process.exit(0))
  })
}

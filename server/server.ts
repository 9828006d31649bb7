/**
 * The production server `npm start` runs: Next.js (admin, API, reader routes) behind one fast path
 * that answers cached reader pages itself (server/fast-path.ts). The page cache is one object per
 * process, shared with the Route Handlers that fill it and the Payload hooks that empty it.
 */
import http from 'node:http'
import next from 'next'
import { defaultCacheControl } from './http-cache.ts'
import { pageCache } from './page-cache.ts'
import { serveCachedPage } from './fast-path.ts'
import { hasMalformedPathEscape } from './url-escapes.ts'

const port = Number(process.env.PORT || 3000)
process.title = 'masthead-server'

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

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    void app.close().finally(() => process.exit(0))
  })
}

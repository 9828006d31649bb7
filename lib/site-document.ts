import { gzipSync } from 'node:zlib'
import { isDatabaseUnavailable } from './db-errors'
import { pageCache, type RenderedPage } from './page-cache'
import { pageReply, SHARED_PAGE } from './page-reply'
import { collectTags } from './tag-scope'

/**
 * Reader documents that are not HTML pages: the feed, the sitemaps, robots.txt. Served and cached
 * like the pages (lib/site-page.tsx): rendered on the first request with the running server's
 * settings (SITE_URL), kept in the page cache under the tags of what they read, dropped when that
 * changes. Nothing is prerendered at build time, so the build depends on no setting or database.
 */
export interface DocumentContent {
  body: string
  /** When the document goes stale by itself (ms since the epoch). */
  expiresAt?: number
}

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>

export const XML = 'application/xml; charset=utf-8'
export const RSS = 'application/rss+xml; charset=utf-8'
export const TEXT = 'text/plain; charset=utf-8'

/** Null from `load`: no such document (404, cached too: a sitemap part appears when articles do). */
export function siteDocument<P>(contentType: string, load: (params: P) => Promise<DocumentContent | null>): Handler<P> {
  return async function GET(request, { params }) {
    const path = new URL(request.url).pathname
    const cache = pageCache()
    const hit = cache.get(path)
    if (hit) return respond(hit, SHARED_PAGE, 'HIT')
    const begun = cache.begin()
    try {
      const { value, tags } = await collectTags(async () => load(await params))
      const page = value ? document(200, contentType, value.body, value.expiresAt) : document(404, TEXT, 'Not found')
      cache.set(path, page, tags, begun)
      return respond(page, SHARED_PAGE, 'MISS')
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error)
      if (!unavailable) console.error(`Rendering ${path} failed:`, error)
      const failed = { status: unavailable ? 503 : 500, body: Buffer.from('Temporarily unavailable'), contentType: TEXT }
      return respond(failed, 'no-store', 'none', unavailable ? { 'Retry-After': '30' } : {})
    }
  }
}

function document(status: number, contentType: string, body: string, expiresAt?: number): RenderedPage {
  return { status, body: Buffer.from(body), gzip: gzipSync(body), contentType, ...(expiresAt ? { expiresAt } : {}) }
}

// The plain body, as in lib/site-page.tsx: Next compresses Route Handler responses itself.
function respond(page: RenderedPage, cacheControl: string, cache: string, extra: Record<string, string> = {}): Response {
  const reply = pageReply(page, { cacheControl, cache, acceptEncoding: null, extra })
  return new Response(reply.body as Uint8Array<ArrayBuffer>, { status: reply.status, headers: reply.headers })
}

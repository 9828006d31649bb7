import { isDatabaseUnavailable } from '@/lib/platform/db-errors'
import { hasSessionCookie } from '@/server/http-cache'
import { pageCache } from '@/server/page-cache'
import { renderedPage, routeResponse, type Storage } from '../server/page-reply'
import { collectTags } from '@/lib/invalidation/tag-scope'

/**
 * Reader documents that are not HTML pages: the feed, the sitemaps, robots.txt. Served and cached
 * like the pages (reader/page.tsx): rendered on the first request with the running server's
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
    // As for pages (reader/page.tsx): nothing answered to a session is kept by a shared cache.
    const storage: Storage = hasSessionCookie(request.headers.get('cookie')) ? 'private' : 'shared'
    const cache = pageCache()
    const hit = cache.get(path)
    if (hit) return routeResponse(request, hit, { storage, cache: 'HIT' })
    const begun = cache.begin()
    try {
      const { value, tags } = await collectTags(async () => load(await params))
      const page = value
        ? renderedPage({ status: 200, contentType, text: value.body, tags, expiresAt: value.expiresAt })
        : renderedPage({ status: 404, contentType: TEXT, text: 'Not found', tags })
      // Read while an editor changed it: answered once, kept by no cache.
      const fresh = !cache.outdated(tags, begun)
      if (fresh) cache.set(path, page, tags, begun)
      return routeResponse(request, page, { storage: fresh ? storage : 'none', cache: 'MISS' })
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error)
      if (!unavailable) console.error(`Rendering ${path} failed:`, error)
      const failed = renderedPage({ status: unavailable ? 503 : 500, contentType: TEXT, text: 'Temporarily unavailable', tags: [], gzip: false })
      return routeResponse(request, failed, { storage: 'none', cache: 'none', extra: unavailable ? { 'Retry-After': '30' } : {} })
    }
  }
}

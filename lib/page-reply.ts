import { acceptsGzip } from './accept-encoding.ts'
import type { RenderedPage } from './page-cache.ts'

/**
 * The status, headers and body that answer for a rendered page: the gzipped copy when there is one
 * and the client accepts it. Shared by the Route Handlers (lib/site-page.tsx) and the cached-page
 * fast path (scripts/server.ts), so both answer alike. Loaded by Node directly: `.ts` imports.
 */
export interface PageReply {
  status: number
  headers: [string, string][]
  body: Uint8Array
}

export interface ReplyOptions {
  cacheControl: string
  /** What the page cache did: HIT, MISS, BYPASS (previews) or none. */
  cache: string
  acceptEncoding: string | null | undefined
  extra?: Record<string, string>
}

export function pageReply(page: RenderedPage, { cacheControl, cache, acceptEncoding, extra = {} }: ReplyOptions): PageReply {
  const headers: [string, string][] = [
    ['Content-Type', 'text/html; charset=utf-8'],
    ['Cache-Control', cacheControl],
    ['X-Page-Cache', cache],
    ...Object.entries(extra),
  ]
  if (page.location) headers.push(['Location', page.location])
  if (!page.gzip) return { status: page.status, headers, body: page.body }
  headers.push(['Vary', 'Accept-Encoding'])
  if (!acceptsGzip(acceptEncoding)) return { status: page.status, headers, body: page.body }
  // Next's own compression leaves a response that already names its encoding alone.
  headers.push(['Content-Encoding', 'gzip'])
  return { status: page.status, headers, body: page.gzip }
}

/** Browsers and proxies must ask again each time: an unpublished story has to disappear at once. */
export const SHARED_PAGE = 'public, max-age=0, must-revalidate'

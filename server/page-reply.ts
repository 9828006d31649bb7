import { gzipSync } from 'node:zlib'
import { acceptsGzip } from './accept-encoding.ts'
import { gzipETag, noneMatch, NOT_STORED, PRIVATE_PAGE, sharedCacheControl, SHARED_PAGE, strongETag } from './http-cache.ts'
import type { RenderedPage } from './page-cache.ts'
import { surrogateKeyHeader } from './surrogate-keys.ts'

/**
 * The status, headers and body that answer for a rendered page: the gzipped copy when there is one
 * and the client accepts it, its validator, and what HTTP caches may do with it. Shared by the Route
 * Handlers (reader/page.tsx) and the cached-page fast path (server/server.ts), so both answer
 * alike.
 */
export interface PageReply {
  status: number
  headers: [string, string][]
  body: Uint8Array
}

export const HTML = 'text/html; charset=utf-8'

export interface PageSource {
  status: number
  text: string
  /** The cache tags the content was read under: they become the page's surrogate keys. */
  tags: readonly string[]
  contentType?: string
  /** Keep a gzipped copy too (pages worth caching); one-off answers skip it. */
  gzip?: boolean
  /** When the content goes stale by itself (ms since the epoch). */
  expiresAt?: number
}

/** A page ready to answer and to keep: encoded, gzipped, hashed and labelled once, not per request. */
export function renderedPage({ status, text, tags, contentType = HTML, gzip = true, expiresAt }: PageSource): RenderedPage {
  const body = Buffer.from(text)
  return {
    status,
    contentType,
    body,
    gzip: gzip ? gzipSync(body) : undefined,
    etag: strongETag(body),
    keys: surrogateKeyHeader(tags),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  }
}

/**
 * Who may keep the answer: `shared` for reader pages (shared caches keep them, purged by surrogate
 * key), `private` for anything answered to a session, `none` for errors and pages outdated while
 * they rendered.
 */
export type Storage = 'shared' | 'private' | 'none'

const CACHE_CONTROL: Record<Storage, string> = { shared: SHARED_PAGE, private: PRIVATE_PAGE, none: NOT_STORED }

export interface ReplyOptions {
  storage: Storage
  /** What the page cache did: HIT, MISS, BYPASS (previews) or none. */
  cache: string
  acceptEncoding: string | null | undefined
  /** The request's If-None-Match: a matching shared page is answered 304 with no body. */
  ifNoneMatch?: string | null
  extra?: Record<string, string>
}

const EMPTY = new Uint8Array(0)

// Varnish reads `xkey`, Fastly `Surrogate-Key`: the same keys under both names.
const keyHeaders = (keys: string): [string, string][] => [['Surrogate-Key', keys], ['xkey', keys]]

export function pageReply(page: RenderedPage, { storage, cache, acceptEncoding, ifNoneMatch, extra = {} }: ReplyOptions): PageReply {
  const gzip = page.gzip && acceptsGzip(acceptEncoding) ? page.gzip : undefined
  const etag = gzip ? gzipETag(page.etag) : page.etag
  const headers: [string, string][] = [
    ['Cache-Control', storage === 'shared' ? sharedCacheControl(page.expiresAt) : CACHE_CONTROL[storage]],
    ['ETag', etag],
    ['X-Page-Cache', cache],
    ...Object.entries(extra),
  ]
  if (storage === 'shared') headers.push(...keyHeaders(page.keys))
  if (page.location) headers.push(['Location', page.location])
  if (page.gzip) headers.push(['Vary', 'Accept-Encoding'])
  // Preconditions apply to what would be a 200 (RFC 9110 §13.2.1); the 304 repeats the caching headers.
  if (storage === 'shared' && page.status === 200 && noneMatch(ifNoneMatch, etag)) return { status: 304, headers, body: EMPTY }
  headers.unshift(['Content-Type', page.contentType])
  if (!gzip) return { status: page.status, headers, body: page.body }
  // Next's own compression leaves a response that already names its encoding alone.
  headers.push(['Content-Encoding', 'gzip'])
  return { status: page.status, headers, body: gzip }
}

/**
 * The Response a Route Handler returns for a page (reader/page.tsx, reader/document.ts). Always
 * the plain body: Next drops a Content-Encoding set by a Route Handler and compresses the body itself,
 * so a gzipped body would reach the client gzipped twice (the fast path sends the gzipped copy). The
 * headers are worked out for the request's Accept-Encoding all the same: the ETag then names what
 * Next sends, the gzipped representation or the plain one.
 */
export function routeResponse(request: Request, page: RenderedPage, options: Omit<ReplyOptions, 'acceptEncoding' | 'ifNoneMatch'>): Response {
  const reply = pageReply(page, {
    ...options,
    acceptEncoding: request.headers.get('accept-encoding'),
    ifNoneMatch: request.headers.get('if-none-match'),
  })
  const headers = reply.headers.filter(([name]) => name !== 'Content-Encoding')
  return new Response(reply.status === 304 ? null : (page.body as Uint8Array<ArrayBuffer>), { status: reply.status, headers })
}

import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { chooseEncoding, CODINGS, type ContentCoding } from './accept-encoding.ts'
import { encodedETag, noneMatch, NOT_STORED, PRIVATE_PAGE, sharedCacheControl, SHARED_PAGE, strongETag } from './http-cache.ts'
import type { RenderedPage } from './page-cache.ts'
import { surrogateKeyHeader } from './surrogate-keys.ts'

/**
 * The status, headers and body that answer for a rendered page: the brotli or gzipped copy when there
 * is one and the client accepts it (brotli first), its validator, and what HTTP caches may do with it. Shared by the Route
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
  /** Keep compressed copies too, gzip and brotli (pages worth caching); one-off answers skip them. */
  gzip?: boolean
  /** When the content goes stale by itself (ms since the epoch). */
  expiresAt?: number
}

/**
 * Brotli at quality 6: on a 15 KB page about as small as 9 (within 3 %), a third smaller than gzip,
 * and ~0.5 ms where 9 takes ~5 and 11 ~50: pages are compressed again at every render after an
 * expiry, inside the uncached render time, so the last few per cent are not worth it.
 */
const BROTLI_QUALITY = 6

const brotli = (body: Buffer) =>
  brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  })

/** A page ready to answer and to keep: encoded, compressed (gzip and brotli), hashed and labelled once, not per request. */
export function renderedPage({ status, text, tags, contentType = HTML, gzip = true, expiresAt }: PageSource): RenderedPage {
  const body = Buffer.from(text)
  return {
    status,
    contentType,
    body,
    gzip: gzip ? gzipSync(body) : undefined,
    br: gzip ? brotli(body) : undefined,
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
  /** The codings the answer may be sent in, best first (default both; Next's own compression knows only gzip). */
  codings?: readonly ContentCoding[]
  extra?: Record<string, string>
}

const EMPTY = new Uint8Array(0)

// Varnish reads `xkey`, Fastly `Surrogate-Key`: the same keys under both names.
const keyHeaders = (keys: string): [string, string][] => [['Surrogate-Key', keys], ['xkey', keys]]

export function pageReply(page: RenderedPage, { storage, cache, acceptEncoding, ifNoneMatch, codings = CODINGS, extra = {} }: ReplyOptions): PageReply {
  const coding = chooseEncoding(acceptEncoding, codings.filter((name) => page[name] !== undefined))
  const encoded = coding ? page[coding] : undefined
  const etag = coding ? encodedETag(page.etag, coding) : page.etag
  const headers: [string, string][] = [
    ['Cache-Control', storage === 'shared' ? sharedCacheControl(page.expiresAt) : CACHE_CONTROL[storage]],
    ['ETag', etag],
    ['X-Page-Cache', cache],
    ...Object.entries(extra),
  ]
  if (storage === 'shared') headers.push(...keyHeaders(page.keys))
  if (page.location) headers.push(['Location', page.location])
  if (page.gzip || page.br) headers.push(['Vary', 'Accept-Encoding'])
  // Preconditions apply to what would be a 200 (RFC 9110 §13.2.1); the 304 repeats the caching headers.
  if (storage === 'shared' && page.status === 200 && noneMatch(ifNoneMatch, etag)) return { status: 304, headers, body: EMPTY }
  headers.unshift(['Content-Type', page.contentType])
  if (!coding || !encoded) return { status: page.status, headers, body: page.body }
  // Next's own compression leaves a response that already names its encoding alone.
  headers.push(['Content-Encoding', coding])
  return { status: page.status, headers, body: encoded }
}

/**
 * The Response a Route Handler returns for a page (reader/page.tsx, reader/document.ts). Always
 * the plain body: Next drops a Content-Encoding set by a Route Handler and compresses the body itself,
 * so a gzipped body would reach the client gzipped twice (the fast path sends the compressed copies). The
 * headers are worked out for the request's Accept-Encoding all the same, gzip at best: the ETag then
 * names what Next sends, the gzipped representation or the plain one.
 */
export function routeResponse(request: Request, page: RenderedPage, options: Omit<ReplyOptions, 'acceptEncoding' | 'ifNoneMatch' | 'codings'>): Response {
  const reply = pageReply(page, {
    ...options,
    // What Next's compression can send (its `compression` has no brotli): the ETag must name that.
    codings: ['gzip'],
    acceptEncoding: request.headers.get('accept-encoding'),
    ifNoneMatch: request.headers.get('if-none-match'),
  })
  const headers = reply.headers.filter(([name]) => name !== 'Content-Encoding')
  return new Response(reply.status === 304 ? null : (page.body as Uint8Array<ArrayBuffer>), { status: reply.status, headers })
}

import { createHash } from 'node:crypto'

/**
 * What reader responses tell HTTP caches, in one place for the Route Handlers (reader/page.tsx)
 * and the cached-page fast path (server/fast-path.ts).
 */

/**
 * A reader page: a shared cache (Varnish, a CDN) keeps it for a year, because the server purges it
 * by surrogate key the moment its content changes (server/shared-cache-purge.ts); browsers keep it but
 * revalidate every time (max-age=0, cheap with the ETag), so an unpublished story disappears at once.
 * No must-revalidate: it would forbid what stale-if-error allows, a day of the last good copy while
 * the origin fails (a purged page is gone from the shared cache, so this never brings back a change).
 */
const shared = (seconds: number) => `public, max-age=0, s-maxage=${seconds}, stale-if-error=86400`
export const SHARED_PAGE = shared(31_536_000)

/** SHARED_PAGE for a page that goes stale by itself at `expiresAt` (ms): shared caches keep it until then only. */
export function sharedCacheControl(expiresAt: number | undefined, now = Date.now()): string {
  return expiresAt === undefined ? SHARED_PAGE : shared(Math.max(0, Math.ceil((expiresAt - now) / 1000)))
}
/** Staff (draft mode, signed in) and anything answered to a session: never stored by anyone. */
export const PRIVATE_PAGE = 'private, no-store'
/** Errors, and a page whose content changed while it was rendered: nobody may keep them. */
export const NOT_STORED = 'no-store'

/** Cookies that make a request someone's own: Payload's session and Next's draft mode. */
const SESSION_COOKIES = new Set(['payload-token', '__prerender_bypass'])

const cookieName = (pair: string) => {
  const equals = pair.indexOf('=')
  return (equals === -1 ? pair : pair.slice(0, equals)).trim()
}

/** Whether a Cookie header carries a session (signed-in staff, or draft mode). */
export function hasSessionCookie(cookie: string | null | undefined): boolean {
  return !!cookie && cookie.split(';').some((pair) => SESSION_COOKIES.has(cookieName(pair)))
}

/** A strong validator of these exact bytes: 128 bits of their SHA-256, quoted. */
export function strongETag(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`
}

/**
 * The validator of a compressed copy of the same page. A strong ETag names one representation, and
 * the gzipped or brotli bytes are others (RFC 9110 §8.8.3), so each gets a name of its own.
 */
export function encodedETag(etag: string, coding: 'gzip' | 'br'): string {
  return `${etag.slice(0, -1)}-${coding === 'gzip' ? 'gz' : 'br'}"`
}

/**
 * Whether If-None-Match lets the server answer 304 for a representation with `etag` (RFC 9110
 * §13.1.2: weak comparison, so `W/"x"` matches `"x"`; `*` matches any current representation).
 */
export function noneMatch(header: string | null | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || (tag.startsWith('W/') ? tag.slice(2) : tag) === etag
  })
}

const PRIVATE_PATH = /^\/(admin|api|preview)(\/|\?|$)/
const MEDIA_FILE = /^\/api\/[^/?]+\/file\//
/** Uploaded files: a browser may keep one for an hour; no shared cache may (their access rules may depend on the user). */
export const PRIVATE_FILE = 'private, max-age=3600'

/**
 * The Cache-Control the server sets before Next answers (server/server.ts), for responses that set
 * none of their own: Payload's REST and GraphQL answers and files, previews, and anything answered
 * to a session. A response that names its own (the admin's, reader pages') keeps it. Null: say nothing.
 */
export function defaultCacheControl(url: string, cookie: string | null | undefined): string | null {
  if (MEDIA_FILE.test(url)) return PRIVATE_FILE
  if (PRIVATE_PATH.test(url) || hasSessionCookie(cookie)) return PRIVATE_PAGE
  return null
}

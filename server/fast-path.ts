import type { IncomingMessage, ServerResponse } from 'node:http'
import { hasSessionCookie } from './http-cache.ts'
import type { PageCache } from './page-cache.ts'
import { pageReply } from './page-reply.ts'
import { readerPageHeaders } from './security-headers.ts'

const flatten = (headers: { key: string; value: string }[]) => headers.flatMap(({ key, value }) => [key, value])
const HTTP_HEADERS = flatten(readerPageHeaders(false))
const HTTPS_HEADERS = flatten(readerPageHeaders(true))

/**
 * Answers a request for a reader page straight from the page cache, before Next's router: a cached
 * page costs a lookup instead of a trip through routing and a Route Handler. Says whether it
 * answered; anything it is not sure of (other methods, draft mode, a page not cached) goes to Next,
 * which renders the page and fills the cache. Keys are paths as the Route Handlers see them.
 */
export function serveCachedPage(request: IncomingMessage, response: ServerResponse, cache: PageCache): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  // Draft mode is Next's to verify (lib/security/preview.ts re-checks the staff session on every read); such
  // requests never use the cache, and the cookie without a live session gets the published page.
  if (request.headers.cookie?.includes('__prerender_bypass=')) return false
  const url = request.url ?? ''
  const query = url.indexOf('?')
  const page = cache.get(query === -1 ? url : url.slice(0, query))
  if (!page) return false

  const reply = pageReply(page, {
    // Signed-in staff get the same page, but an answer to a session is never kept by a shared cache.
    storage: hasSessionCookie(request.headers.cookie) ? 'private' : 'shared',
    cache: 'HIT',
    acceptEncoding: request.headers['accept-encoding'],
    ifNoneMatch: request.headers['if-none-match'],
  })
  const headers = request.headers['x-forwarded-proto'] === 'https' ? HTTPS_HEADERS : HTTP_HEADERS
  // A flat [name, value, …] list: the cheapest form for Node to write. A 304 has no body, and no
  // Content-Length unless it is the 200's (RFC 9110 §8.6): none at all is simplest.
  const length = reply.status === 304 ? [] : ['Content-Length', String(reply.body.byteLength)]
  response.writeHead(reply.status, [...headers, ...reply.headers.flat(), ...length])
  response.end(request.method === 'HEAD' || reply.status === 304 ? undefined : reply.body)
  return true
}

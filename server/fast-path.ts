import type { IncomingMessage, ServerResponse } from 'node:http'
import { chooseEncoding, CODINGS, type ContentCoding } from './accept-encoding.ts'
import { encodedETag, hasSessionCookie, noneMatch } from './http-cache.ts'
import type { PageCache, RenderedPage } from './page-cache.ts'
import { pageReply, type Storage } from './page-reply.ts'
import { readerPageHeaders } from './security-headers.ts'

const flatten = (headers: { key: string; value: string }[]) => headers.flatMap(({ key, value }) => [key, value])
const HTTP_HEADERS = flatten(readerPageHeaders(false))
const HTTPS_HEADERS = flatten(readerPageHeaders(true))

/**
 * One way of answering for a page (storage × coding × scheme), worked out once: the flat
 * [name, value, …] header lists Node writes cheapest, for the 200 and for the 304.
 */
interface Prepared {
  etag: string
  status: number
  headers: string[]
  body: Uint8Array
  /** The 304's headers, for a shared page answered 200; null where a validator never earns a 304. */
  notModified: string[] | null
}

/** Per page, its prepared answers: dropped with the page (a WeakMap), rebuilt for a new render. */
const preparedAnswers = new WeakMap<RenderedPage, Map<string, Prepared>>()

function prepare(page: RenderedPage, storage: Storage, coding: ContentCoding | null, https: boolean): Prepared {
  const options = { storage, cache: 'HIT', acceptEncoding: coding, codings: coding ? [coding] : [] } as const
  const reply = pageReply(page, options)
  const etag = coding ? encodedETag(page.etag, coding) : page.etag
  const revalidated = pageReply(page, { ...options, ifNoneMatch: etag })
  const security = https ? HTTPS_HEADERS : HTTP_HEADERS
  // A 304 has no body, and no Content-Length unless it is the 200's (RFC 9110 §8.6): none at all is simplest.
  return {
    etag,
    status: reply.status,
    body: reply.body,
    headers: [...security, ...reply.headers.flat(), 'Content-Length', String(reply.body.byteLength)],
    notModified: revalidated.status === 304 ? [...security, ...revalidated.headers.flat()] : null,
  }
}

function preparedFor(page: RenderedPage, storage: Storage, coding: ContentCoding | null, https: boolean): Prepared {
  // A page that goes stale by itself counts its max-age down: worked out on every request.
  if (page.expiresAt !== undefined) return prepare(page, storage, coding, https)
  let answers = preparedAnswers.get(page)
  if (!answers) preparedAnswers.set(page, (answers = new Map()))
  const key = `${storage} ${coding ?? 'identity'} ${https ? 'https' : 'http'}`
  let prepared = answers.get(key)
  if (!prepared) answers.set(key, (prepared = prepare(page, storage, coding, https)))
  return prepared
}

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

  // Signed-in staff get the same page, but an answer to a session is never kept by a shared cache.
  const storage = hasSessionCookie(request.headers.cookie) ? 'private' : 'shared'
  const coding = chooseEncoding(request.headers['accept-encoding'], CODINGS.filter((name) => page[name] !== undefined))
  const answer = preparedFor(page, storage, coding, request.headers['x-forwarded-proto'] === 'https')
  if (answer.notModified && noneMatch(request.headers['if-none-match'], answer.etag)) {
    response.writeHead(304, answer.notModified)
    response.end()
    return true
  }
  response.writeHead(answer.status, answer.headers)
  response.end(request.method === 'HEAD' ? undefined : answer.body)
  return true
}

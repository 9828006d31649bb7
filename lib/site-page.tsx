/** @jsxImportSource preact */
import { gzipSync } from 'node:zlib'
import { draftMode } from 'next/headers'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { Document } from '@/components/Document'
import { NotFound } from '@/components/NotFound'
import { Unavailable } from '@/components/Unavailable'
import { isDatabaseUnavailable } from './db-errors'
import { pageCache, type RenderedPage } from './page-cache'
import { simpleHead, type PageHead } from './page-head'
import { pageNumber } from './pagination'
import { findRedirect } from './queries'
import { pageReply, SHARED_PAGE, type ReplyOptions } from './page-reply'
import { siteUrl } from './site'
import { collectTags } from './tag-scope'

/**
 * The reader site's pages are Route Handlers that render Preact components to plain HTML: no
 * hydration, no client JavaScript. This turns a page loader into one, and owns what every page
 * shares: the page cache, 404s, redirects, and a 503 (never cached) while the database is down.
 */

export type PageContent = { head: PageHead; body: VNode; status?: 200 | 404 }
/** What a loader found: a page, a redirect (308 unless said), or null for "no such page" (404). */
export type PageResult = PageContent | { redirect: string; status?: number } | null

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>

const PRIVATE = 'private, no-store'

const render = (head: PageHead, body: VNode) => `<!DOCTYPE html>${renderToString(<Document head={head}>{body}</Document>)}`

const notFoundHtml = () => render(simpleHead(siteUrl(), { title: 'Page not found', noindex: true }), <NotFound />)

/** A page to keep: gzipped once now rather than by the server on every request. */
const cacheable = (status: number, html: string): RenderedPage => ({ status, body: Buffer.from(html), gzip: gzipSync(html) })

// Always the plain HTML here: Next drops a Content-Encoding set by a Route Handler and compresses the
// body itself, so a gzipped body would reach the browser gzipped twice. The fast path sends the copy.
function respond(page: RenderedPage, options: Omit<ReplyOptions, 'acceptEncoding'>): Response {
  const reply = pageReply(page, { ...options, acceptEncoding: null })
  return new Response(reply.body as Uint8Array<ArrayBuffer>, { status: reply.status, headers: reply.headers })
}

function failure(path: string, error: unknown): Response {
  const unavailable = isDatabaseUnavailable(error)
  if (!unavailable) console.error(`Rendering ${path} failed:`, error)
  const head = simpleHead(siteUrl(), { title: 'Temporarily unavailable', noindex: true })
  const page = { status: unavailable ? 503 : 500, body: Buffer.from(render(head, <Unavailable path={path} />)) }
  return respond(page, { cacheControl: 'no-store', cache: 'none', extra: unavailable ? { 'Retry-After': '30' } : {} })
}

export function sitePage<P>(load: (params: P) => Promise<PageResult>): Handler<P> {
  return async function GET(request, { params }) {
    const path = new URL(request.url).pathname
    // Draft mode (signed-in staff previewing drafts) never reads or fills the shared cache.
    const preview = (await draftMode()).isEnabled
    const cache = pageCache()
    if (!preview) {
      const hit = cache.get(path)
      if (hit) return respond(hit, { cacheControl: SHARED_PAGE, cache: 'HIT' })
    }
    const begun = cache.begin()
    try {
      // No page here: the URL may have moved (collections/Redirects.ts), looked up only on this miss.
      const { value: result, tags } = await collectTags(async () => (await load(await params)) ?? findRedirect(path))
      if (result && 'redirect' in result) {
        const page: RenderedPage = { status: result.status ?? 308, body: new Uint8Array(), location: result.redirect }
        if (preview) return respond(page, { cacheControl: PRIVATE, cache: 'BYPASS' })
        cache.set(path, page, tags, begun)
        return respond(page, { cacheControl: SHARED_PAGE, cache: 'MISS' })
      }
      const status = result ? (result.status ?? 200) : 404
      const html = result ? render(result.head, result.body) : notFoundHtml()
      if (preview) return respond({ status, body: Buffer.from(html) }, { cacheControl: PRIVATE, cache: 'BYPASS' })
      const page = cacheable(status, html)
      cache.set(path, page, tags, begun)
      return respond(page, { cacheControl: SHARED_PAGE, cache: 'MISS' })
    } catch (error) {
      return failure(path, error)
    }
  }
}

/** Page `segment` of a listing: "1" redirects to the listing itself (`firstPage`), a non-number is a 404. */
export async function olderPage(segment: string, firstPage: string, load: (page: number) => Promise<PageResult>): Promise<PageResult> {
  const page = pageNumber(segment)
  if (page === 1) return { redirect: firstPage }
  return page ? load(page) : null
}

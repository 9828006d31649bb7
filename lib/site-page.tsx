/** @jsxImportSource preact */
import { gzipSync } from 'node:zlib'
import { draftMode } from 'next/headers'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { Document } from '@/components/Document'
import { NotFound } from '@/components/NotFound'
import { Unavailable } from '@/components/Unavailable'
import { acceptsGzip } from './accept-encoding'
import { isDatabaseUnavailable } from './db-errors'
import { pageCache, type RenderedPage } from './page-cache'
import { simpleHead, type PageHead } from './page-head'
import { siteUrl } from './site'
import { collectTags } from './tag-scope'

/**
 * The reader site's pages are Route Handlers that render Preact components to plain HTML: no
 * hydration, no client JavaScript. This turns a page loader into one, and owns what every page
 * shares: the page cache, 404s, redirects, and a 503 (never cached) while the database is down.
 */

export type PageContent = { head: PageHead; body: VNode; status?: 200 | 404 }
/** What a loader found: a page, a redirect (path on the site), or null for "no such page" (404). */
export type PageResult = PageContent | { redirect: string } | null

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>

const HTML = 'text/html; charset=utf-8'
// Browsers and proxies must ask again each time: an unpublished story has to disappear at once.
const SHARED = 'public, max-age=0, must-revalidate'
const PRIVATE = 'private, no-store'

const render = (head: PageHead, body: VNode) => `<!DOCTYPE html>${renderToString(<Document head={head}>{body}</Document>)}`

const notFoundHtml = () => render(simpleHead(siteUrl(), { title: 'Page not found', noindex: true }), <NotFound />)

/** A page to keep: gzipped once now rather than by the server on every request. */
const cacheable = (status: number, html: string): RenderedPage => ({ status, html, gzip: gzipSync(html) })

function respond(page: RenderedPage, cacheControl: string, cache: string, request: Request, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { 'Content-Type': HTML, 'Cache-Control': cacheControl, 'X-Page-Cache': cache, ...extra }
  if (!page.gzip) return new Response(page.html, { status: page.status, headers })
  headers.Vary = 'Accept-Encoding'
  if (!acceptsGzip(request.headers.get('accept-encoding'))) return new Response(page.html, { status: page.status, headers })
  // Next's own compression leaves a response that already names its encoding alone.
  return new Response(page.gzip as Uint8Array<ArrayBuffer>, { status: page.status, headers: { ...headers, 'Content-Encoding': 'gzip' } })
}

function failure(path: string, error: unknown, request: Request): Response {
  const unavailable = isDatabaseUnavailable(error)
  if (!unavailable) console.error(`Rendering ${path} failed:`, error)
  const head = simpleHead(siteUrl(), { title: 'Temporarily unavailable', noindex: true })
  const page = { status: unavailable ? 503 : 500, html: render(head, <Unavailable path={path} />) }
  return respond(page, 'no-store', 'none', request, unavailable ? { 'Retry-After': '30' } : {})
}

export function sitePage<P>(load: (params: P) => Promise<PageResult>): Handler<P> {
  return async function GET(request, { params }) {
    const path = new URL(request.url).pathname
    // Draft mode (signed-in staff previewing drafts) never reads or fills the shared cache.
    const preview = (await draftMode()).isEnabled
    const cache = pageCache()
    if (!preview) {
      const hit = cache.get(path)
      if (hit) return respond(hit, SHARED, 'HIT', request)
    }
    const begun = cache.begin()
    try {
      const { value: result, tags } = await collectTags(async () => load(await params))
      if (result && 'redirect' in result) {
        return new Response(null, { status: 308, headers: { Location: result.redirect, 'Cache-Control': SHARED } })
      }
      const status = result ? (result.status ?? 200) : 404
      const html = result ? render(result.head, result.body) : notFoundHtml()
      if (preview) return respond({ status, html }, PRIVATE, 'BYPASS', request)
      const page = cacheable(status, html)
      cache.set(path, page, tags, begun)
      return respond(page, SHARED, 'MISS', request)
    } catch (error) {
      return failure(path, error, request)
    }
  }
}

/** @jsxImportSource preact */
import { draftMode } from 'next/headers'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { Document } from '@/components/Document'
import { NotFound } from '@/components/NotFound'
import { Unavailable } from '@/components/Unavailable'
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

export const notFoundPage = (): RenderedPage => ({
  status: 404,
  html: render(simpleHead(siteUrl(), { title: 'Page not found', noindex: true }), <NotFound />),
})

function respond(page: RenderedPage, cacheControl: string, cache: string, extra: HeadersInit = {}): Response {
  return new Response(page.html, {
    status: page.status,
    headers: { 'Content-Type': HTML, 'Cache-Control': cacheControl, 'X-Page-Cache': cache, ...extra },
  })
}

function failure(path: string, error: unknown): Response {
  const unavailable = isDatabaseUnavailable(error)
  if (!unavailable) console.error(`Rendering ${path} failed:`, error)
  const head = simpleHead(siteUrl(), { title: 'Temporarily unavailable', noindex: true })
  const page = { status: unavailable ? 503 : 500, html: render(head, <Unavailable path={path} />) }
  return respond(page, 'no-store', 'none', unavailable ? { 'Retry-After': '30' } : {})
}

export function sitePage<P>(load: (params: P) => Promise<PageResult>): Handler<P> {
  return async function GET(request, { params }) {
    const path = new URL(request.url).pathname
    // Draft mode (signed-in staff previewing drafts) never reads or fills the shared cache.
    const preview = (await draftMode()).isEnabled
    const cache = pageCache()
    if (!preview) {
      const hit = cache.get(path)
      if (hit) return respond(hit, SHARED, 'HIT')
    }
    const begun = cache.begin()
    try {
      const { value: result, tags } = await collectTags(async () => load(await params))
      if (result && 'redirect' in result) {
        return new Response(null, { status: 308, headers: { Location: result.redirect, 'Cache-Control': SHARED } })
      }
      const page = result ? { status: result.status ?? 200, html: render(result.head, result.body) } : notFoundPage()
      if (preview) return respond(page, PRIVATE, 'BYPASS')
      cache.set(path, page, tags, begun)
      return respond(page, SHARED, 'MISS')
    } catch (error) {
      return failure(path, error)
    }
  }
}

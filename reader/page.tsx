/** @jsxImportSource preact */
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { Document } from '@/reader/components/Document'
import { NotFound } from '@/reader/components/NotFound'
import { Unavailable } from '@/reader/components/Unavailable'
import { isDatabaseUnavailable } from '@/lib/platform/db-errors'
import { hasSessionCookie } from '@/server/http-cache'
import { pageCache } from '@/server/page-cache'
import { simpleHead, type PageHead } from '@/lib/seo/page-head'
import { pageNumber } from '@/lib/content/pagination'
import { renderedPage, routeResponse, type Storage } from '../server/page-reply'
import { previewUser } from '@/lib/security/preview'
import { findRedirect, getSite } from '@/lib/content/queries'
import { DEFAULT_SITE, siteUrl, type Site } from '@/lib/content/site'
import { collectTags } from '@/lib/invalidation/tag-scope'

/**
 * The reader site's pages are Route Handlers that render Preact components to plain HTML: no
 * hydration, no client JavaScript. This turns a page loader into one, and owns what every page
 * shares: the page cache, 404s, redirects, and a 503 (never cached) while the database is down.
 */

export type PageContent = { head: PageHead; body: VNode; status?: 200 | 400 | 404 }
/** What a loader found: a page, a redirect (308 unless said), or null for "no such page" (404). */
export type PageResult = PageContent | { redirect: string; status?: number } | null

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>

const render = (head: PageHead, body: VNode) => `<!DOCTYPE html>${renderToString(<Document head={head}>{body}</Document>)}`

const notFoundHtml = (site: Site) => render(simpleHead(site, { title: 'Page not found', noindex: true }), <NotFound />)

function failure(request: Request, path: string, error: unknown): Response {
  const unavailable = isDatabaseUnavailable(error)
  if (!unavailable) console.error(`Rendering ${path} failed:`, error)
  // The settings may be what failed to load: the defaults name the site.
  const head = simpleHead({ ...DEFAULT_SITE, origin: siteUrl() }, { title: 'Temporarily unavailable', noindex: true })
  const page = renderedPage({ status: unavailable ? 503 : 500, text: render(head, <Unavailable path={path} />), tags: [], gzip: false })
  return routeResponse(request, page, { storage: 'none', cache: 'none', extra: unavailable ? { 'Retry-After': '30' } : {} })
}

/**
 * `cacheKey`: for a page whose query string matters (/search), the key it is cached under, built
 * from the checked parameters (null: not cached). Other pages ignore the query string, as the fast
 * path does (server/fast-path.ts looks pages up by path only, so such a page is never answered there).
 */
export function sitePage<P>(
  load: (params: P, url: URL) => Promise<PageResult>,
  options: { cacheKey?: (url: URL) => string | null } = {},
): Handler<P> {
  return async function GET(request, { params }) {
    const url = new URL(request.url)
    const path = url.pathname
    const key = options.cacheKey ? options.cacheKey(url) : path
    // Draft mode (a live staff session previewing drafts) never reads or fills the shared cache;
    // the draft-mode cookie without one is an anonymous reader's request.
    const preview = (await previewUser()) !== null
    // Signed-in staff read the same pages, but nothing answered to a session may be kept by a shared cache.
    const storage: Storage = preview || hasSessionCookie(request.headers.get('cookie')) ? 'private' : 'shared'
    const cache = pageCache()
    if (!preview && key !== null) {
      const hit = cache.get(key)
      if (hit) return routeResponse(request, hit, { storage, cache: 'HIT' })
    }
    const begun = cache.begin()
    try {
      // No page here: the URL may have moved (collections/Redirects/index.ts), looked up only on this miss.
      const { value: [result, site], tags } = await collectTags(async () =>
        Promise.all([(async () => (await load(await params, url)) ?? findRedirect(path))(), getSite()]),
      )
      // Content an editor changed while it was read is answered once, but kept by no cache at all.
      // A page with no cache key (refused parameters) is kept by no cache either.
      const fresh = !cache.outdated(tags, begun) && key !== null
      const answer = fresh ? storage : 'none'
      if (result && 'redirect' in result) {
        const page = { ...renderedPage({ status: result.status ?? 308, text: '', tags, gzip: false }), location: result.redirect }
        if (fresh && !preview) cache.set(key, page, tags, begun)
        return routeResponse(request, page, { storage: answer, cache: preview ? 'BYPASS' : 'MISS' })
      }
      const status = result ? (result.status ?? 200) : 404
      const html = result ? render(result.head, result.body) : notFoundHtml(site)
      if (preview) return routeResponse(request, renderedPage({ status, text: html, tags, gzip: false }), { storage: answer, cache: 'BYPASS' })
      const page = renderedPage({ status, text: html, tags })
      if (fresh) cache.set(key, page, tags, begun)
      return routeResponse(request, page, { storage: answer, cache: 'MISS' })
    } catch (error) {
      return failure(request, path, error)
    }
  }
}

/** Page `segment` of a listing: "1" redirects to the listing itself (`firstPage`), a non-number is a 404. */
export async function olderPage(segment: string, firstPage: string, load: (page: number) => Promise<PageResult>): Promise<PageResult> {
  const page = pageNumber(segment)
  if (page === 1) return { redirect: firstPage }
  return page ? load(page) : null
}

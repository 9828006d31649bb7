import { getSitemapData } from '@/lib/queries'
import { siteUrl } from '@/lib/site'
import { buildSitemap, SITEMAP_LIMIT } from '@/lib/sitemap'
import { sitemapEntries } from '@/lib/sitemap-urls'

export const dynamic = 'force-static'
export const generateStaticParams = () => []

/** /sitemaps/<n>.xml: the n-th 50,000 URLs, listed by the index at /sitemap.xml. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const match = /^([1-9]\d{0,4})\.xml$/.exec((await params).file)
  const entries = sitemapEntries(await getSitemapData(), siteUrl())
  const page = match ? Number(match[1]) : 0
  const slice = entries.slice((page - 1) * SITEMAP_LIMIT, page * SITEMAP_LIMIT)
  if (page < 1 || slice.length === 0) return new Response('Not found', { status: 404 })
  return new Response(buildSitemap(slice), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}

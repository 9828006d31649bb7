import { getSitemapData } from '@/lib/queries'
import { siteUrl } from '@/lib/site'
import { buildSitemap, buildSitemapIndex, SITEMAP_LIMIT, sitemapPageCount } from '@/lib/sitemap'
import { sitemapEntries } from '@/lib/sitemap-urls'

export const dynamic = 'force-static'

/** One sitemap while the site has at most 50,000 URLs; past that, an index of /sitemaps/<n>.xml files. */
export async function GET(): Promise<Response> {
  const origin = siteUrl()
  const entries = sitemapEntries(await getSitemapData(), origin)
  const pages = sitemapPageCount(entries.length)
  const xml =
    pages === 1
      ? buildSitemap(entries)
      : buildSitemapIndex(
          Array.from({ length: pages }, (_, index) => ({
            loc: `${origin}/sitemaps/${index + 1}.xml`,
            lastmod: entries.slice(index * SITEMAP_LIMIT, (index + 1) * SITEMAP_LIMIT)[0]?.lastmod ?? null,
          })),
        )
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}

import { siteUrl } from '@/lib/site'
import { buildSitemapIndex } from '@/lib/sitemap'
import { sitemapIndexEntries } from '@/lib/sitemap-parts'
import { getSitemapSummary } from '@/lib/sitemap-queries'

export const dynamic = 'force-static'

/** Always an index of bounded parts (/sitemaps/*.xml), whatever the size of the archive. */
export async function GET(): Promise<Response> {
  const xml = buildSitemapIndex(sitemapIndexEntries(await getSitemapSummary(), siteUrl()))
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}

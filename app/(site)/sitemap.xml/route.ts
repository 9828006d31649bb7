import { siteUrl } from '@/lib/content/site'
import { siteDocument, XML } from '@/reader/document'
import { buildSitemapIndex } from '@/lib/seo/sitemap'
import { sitemapIndexEntries } from '@/lib/seo/sitemap-parts'
import { getSitemapSummary } from '@/lib/content/sitemap-queries'

export const dynamic = 'force-dynamic'

/** Always an index of bounded parts (/sitemaps/*.xml), whatever the size of the archive. */
export const GET = siteDocument(XML, async () => ({
  body: buildSitemapIndex(sitemapIndexEntries(await getSitemapSummary(), siteUrl())),
}))

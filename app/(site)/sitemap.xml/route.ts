import { siteUrl } from '@/lib/site'
import { siteDocument, XML } from '@/lib/site-document'
import { buildSitemapIndex } from '@/lib/sitemap'
import { sitemapIndexEntries } from '@/lib/sitemap-parts'
import { getSitemapSummary } from '@/lib/sitemap-queries'

export const dynamic = 'force-dynamic'

/** Always an index of bounded parts (/sitemaps/*.xml), whatever the size of the archive. */
export const GET = siteDocument(XML, async () => ({
  body: buildSitemapIndex(sitemapIndexEntries(await getSitemapSummary(), siteUrl())),
}))

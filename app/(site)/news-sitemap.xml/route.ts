import { SITE_LANGUAGE } from '@/lib/text/language'
import { getSite } from '@/lib/content/queries'
import { siteDocument, XML } from '@/reader/document'
import { buildNewsSitemap, newsSitemapWindow } from '@/lib/seo/sitemap'
import { getNewsSitemapArticles } from '@/lib/content/sitemap-queries'

export const dynamic = 'force-dynamic'

export const GET = siteDocument(XML, async () => {
  const now = new Date()
  const window = newsSitemapWindow(now)
  const [articles, site] = await Promise.all([getNewsSitemapArticles(window), getSite()])
  const body = buildNewsSitemap(articles, { origin: site.origin, publicationName: site.name, language: SITE_LANGUAGE, now })
  // "The last two days" moves with the clock: the window's end is the next hour, when it is read again.
  return { body, expiresAt: window.to.getTime() }
})

import { SITE_LANGUAGE } from '@/lib/language'
import { SITE_NAME, siteUrl } from '@/lib/site'
import { buildNewsSitemap, newsSitemapWindow } from '@/lib/sitemap'
import { getNewsSitemapArticles } from '@/lib/sitemap-queries'

export const dynamic = 'force-static'
// "The last two days" moves with the clock: rebuild hourly even when nothing is published.
export const revalidate = 3600

export async function GET(): Promise<Response> {
  const now = new Date()
  const articles = await getNewsSitemapArticles(newsSitemapWindow(now))
  const xml = buildNewsSitemap(articles, { origin: siteUrl(), publicationName: SITE_NAME, language: SITE_LANGUAGE, now })
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}

import { listLatest } from '@/lib/queries'
import { SITE_NAME, siteUrl } from '@/lib/site'
import { buildNewsSitemap, NEWS_SITEMAP_LIMIT } from '@/lib/sitemap'

export const dynamic = 'force-static'
// "The last two days" moves with the clock: rebuild hourly even when nothing is published.
export const revalidate = 3600

export async function GET(): Promise<Response> {
  const { docs } = await listLatest(1, NEWS_SITEMAP_LIMIT)
  const xml = buildNewsSitemap(docs, { origin: siteUrl(), publicationName: SITE_NAME, language: 'en', now: new Date() })
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}

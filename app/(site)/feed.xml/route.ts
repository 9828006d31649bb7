import { buildRssFeed } from '@/lib/feed'
import { SITE_LANGUAGE } from '@/lib/language'
import { listLatest } from '@/lib/queries'
import { SITE_NAME, siteUrl } from '@/lib/site'

// Rendered once and cached; publishing expires it through the `articles:latest` tag.
export const dynamic = 'force-static'

export async function GET(): Promise<Response> {
  const { docs } = await listLatest(1, 30)
  const xml = buildRssFeed(docs, {
    origin: siteUrl(),
    title: SITE_NAME,
    description: `The latest articles from ${SITE_NAME}.`,
    language: SITE_LANGUAGE,
  })
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } })
}

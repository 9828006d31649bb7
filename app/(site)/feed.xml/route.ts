import { buildRssFeed } from '@/lib/seo/feed'
import { SITE_LANGUAGE } from '@/lib/text/language'
import { listLatest } from '@/lib/content/queries'
import { SITE_NAME, siteUrl } from '@/lib/content/site'
import { RSS, siteDocument } from '@/reader/document'

// Rendered on first request and cached; publishing expires it through the `articles:latest` tag.
export const dynamic = 'force-dynamic'

export const GET = siteDocument(RSS, async () => {
  const { docs } = await listLatest(1, 30)
  const body = buildRssFeed(docs, {
    origin: siteUrl(),
    title: SITE_NAME,
    description: `The latest articles from ${SITE_NAME}.`,
    language: SITE_LANGUAGE,
  })
  return { body }
})

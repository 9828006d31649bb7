import { buildRssFeed } from '@/lib/feed'
import { SITE_LANGUAGE } from '@/lib/language'
import { listLatest } from '@/lib/queries'
import { SITE_NAME, siteUrl } from '@/lib/site'
import { RSS, siteDocument } from '@/lib/site-document'

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

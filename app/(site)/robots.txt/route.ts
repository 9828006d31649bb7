import { siteUrl } from '@/lib/content/site'
import { siteDocument, TEXT } from '@/reader/document'

// Names the running server's SITE_URL: rendered on first request, not at build time.
export const dynamic = 'force-dynamic'

export const GET = siteDocument(TEXT, async () => {
  const origin = siteUrl()
  const body = [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api/',
    'Disallow: /preview',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    `Sitemap: ${origin}/news-sitemap.xml`,
    '',
  ].join('\n')
  return { body }
})

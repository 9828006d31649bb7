import { buildCorrectionsFeed, buildRssFeed, type RssFeedOptions } from '@/lib/seo/feed'
import { getSite, listCorrected, listNewestForFeed } from '@/lib/content/queries'
import type { Site } from '@/lib/content/site'
import { SITE_LANGUAGE } from '@/lib/text/language'
import { RSS, siteDocument } from '@/reader/document'

/** The channel as the site settings describe the publication. */
const channel = (site: Site, title: string, description: string): RssFeedOptions => ({
  origin: site.origin,
  title,
  description,
  language: SITE_LANGUAGE,
  imageUrl: site.logoUrl,
  copyright: `© ${site.name}`,
})

/** `/feed.xml`: the 30 latest articles. */
export const articlesFeed = siteDocument(RSS, async () => {
  const [docs, site] = await Promise.all([listNewestForFeed(30), getSite()])
  return { body: buildRssFeed(docs, channel(site, site.name, `The latest articles from ${site.name}.`)) }
})

/** `/corrections/feed.xml`: the latest corrections and clarifications. */
export const correctionsFeed = siteDocument(RSS, async () => {
  const [{ docs }, site] = await Promise.all([listCorrected(1, 30), getSite()])
  return { body: buildCorrectionsFeed(docs, { ...channel(site, `${site.name}: corrections`, `Corrections and clarifications published by ${site.name}.`), feedPath: '/corrections/feed.xml' }) }
})

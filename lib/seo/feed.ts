import type { Article } from '@/payload-types'
import type { FeedArticle } from '@/lib/content/queries'
import escapeHtml from 'escape-html'
import { sectionLabel } from '@/lib/content/sections'
import { populatedAuthors, populatedLeadImage } from '@/lib/content/populated'
import { absoluteUrl, articleUrl } from '@/lib/content/urls'
import { creditLine } from '@/lib/photos/credit'
import { imageRendition } from '@/lib/photos/renditions'
import { ADMITTED_ERRORS, correctionTypeLabel, sortedCorrections } from '@/lib/content/corrections'
import { el, textEl, xmlDocument, type XmlElement } from './xml'

/**
 * RSS 2.0 feeds, with Media RSS for photo credits and Dublin Core for bylines and languages, written
 * by the site's XML writer (`./xml.ts`). `rssDocument` writes any channel; `buildRssFeed` is the
 * articles feed (`/feed.xml`). Bylines go in `dc:creator`, one per author: RSS's own `author`
 * element expects an e-mail address.
 */

export interface RssFeedOptions {
  origin: string
  title: string
  description: string
  /** e.g. "en-GB". */
  language: string
  /** The channel's lastBuildDate; defaults to the newest item's date. */
  updated?: Date
  /** The path of the feed itself, for `atom:link rel="self"`; "/feed.xml" by default. */
  feedPath?: string
  /** Channel image (logo), absolute or a path on the site. */
  imageUrl?: string
  copyright?: string
}

export interface RssItem {
  title: string
  /** Absolute. */
  link: string
  /** The item's own identifier when the link is not unique to it (e.g. two corrections of one article). */
  guid?: string
  pubDate: Date
  /** HTML, as RSS descriptions are. */
  description?: string | null
  /** When this item's content changed last; only used for the channel's lastBuildDate. */
  updated?: Date | null
  categories?: string[]
  creators?: string[]
  /** Set when the item is in another language than the channel. */
  language?: string | null
  media?: XmlElement | null
}

const NAMESPACES = {
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:media': 'http://search.yahoo.com/mrss/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
}

const rfc822 = (date: Date) => date.toUTCString()

/** A whole RSS 2.0 document: the channel, then the items in the order given. */
export function rssDocument(options: RssFeedOptions, items: RssItem[]): string {
  const { origin } = options
  const home = absoluteUrl(origin, '/')
  const newest = Math.max(...items.map((item) => Math.max(item.pubDate.getTime(), item.updated?.getTime() || 0)))
  const updated = options.updated ?? new Date(Number.isFinite(newest) ? newest : 0)
  const channel = el(
    'channel',
    {},
    textEl('title', options.title),
    textEl('link', home),
    textEl('description', options.description),
    textEl('lastBuildDate', rfc822(updated)),
    textEl('docs', 'https://www.rssboard.org/rss-specification'),
    textEl('language', options.language),
    options.imageUrl && el('image', {}, textEl('title', options.title), textEl('url', absoluteUrl(origin, options.imageUrl)), textEl('link', home)),
    textEl('copyright', options.copyright),
    el('atom:link', { href: absoluteUrl(origin, options.feedPath ?? '/feed.xml'), rel: 'self', type: 'application/rss+xml' }),
    items.map(itemElement),
  )
  return xmlDocument(el('rss', { version: '2.0', ...NAMESPACES }, channel))
}

function itemElement(item: RssItem): XmlElement {
  return el(
    'item',
    {},
    textEl('title', item.title),
    textEl('link', item.link),
    item.guid ? textEl('guid', item.guid, { isPermaLink: 'false' }) : textEl('guid', item.link, { isPermaLink: 'true' }),
    textEl('pubDate', rfc822(item.pubDate)),
    (item.categories ?? []).map((name) => textEl('category', name.trim())),
    textEl('dc:language', item.language),
    textEl('description', item.description),
    (item.creators ?? []).map((name) => textEl('dc:creator', name)),
    item.media,
  )
}

type Loaded = FeedArticle & { slug: string; publishedAt: string }

/** Builds the RSS 2.0 XML for published articles (those without a slug or publication date are skipped). */
export function buildRssFeed(articles: FeedArticle[], options: RssFeedOptions): string {
  const items = articles
    .filter((a): a is Loaded => Boolean(a.slug && a.publishedAt && !Number.isNaN(Date.parse(a.publishedAt))))
    .map((article) => articleItem(article, options.origin, options.language))
  return rssDocument(options, items)
}

function articleItem(article: Loaded, origin: string, channelLanguage: string): RssItem {
  return {
    title: article.title,
    link: articleUrl(origin, article) ?? absoluteUrl(origin, '/'),
    pubDate: new Date(article.publishedAt),
    updated: Date.parse(article.updatedAt) ? new Date(article.updatedAt) : null,
    // RSS descriptions are HTML; the standfirst is plain text, so it is escaped as HTML first.
    description: article.standfirst ? escapeHtml(article.standfirst) : null,
    categories: [article.section ? (sectionLabel(article.section) ?? null) : null, ...(article.tags ?? [])].filter(
      (name): name is string => Boolean(name?.trim()),
    ),
    creators: populatedAuthors(article).map((author) => author.name),
    // RSS has a language per channel only: an article in another language says so in Dublin Core.
    language: article.language && article.language !== channelLanguage ? article.language : null,
    media: mediaContent(article, origin),
  }
}

/** `<media:content>` for the lead image: the 1200×630 social rendition, else the hero, else the original. */
export function mediaContent(article: Pick<Article, 'leadImage'>, origin: string): XmlElement | null {
  const image = populatedLeadImage(article)
  if (!image) return null
  const file = imageRendition(image, origin, ['social', 'hero'])
  if (!file) return null
  return el(
    'media:content',
    { url: file.url, medium: 'image', type: file.mimeType, width: file.width, height: file.height, fileSize: file.filesize },
    textEl('media:credit', creditLine(image), { role: 'photographer', scheme: 'urn:ebu' }),
    textEl('media:description', image.caption?.trim() || image.alt.trim(), { type: 'plain' }),
  )
}

/**
 * The corrections log as RSS (`/corrections/feed.xml`): one item per correction or clarification,
 * newest first, linking to the article's corrections box.
 */
export function buildCorrectionsFeed(articles: Article[], options: RssFeedOptions, limit = 50): string {
  const items = articles
    .flatMap((article) => {
      const url = articleUrl(options.origin, article)
      if (!url) return []
      return sortedCorrections(article.corrections)
        .filter((entry) => ADMITTED_ERRORS.includes(entry.type))
        .map((entry): RssItem => ({
          title: `${correctionTypeLabel(entry.type)}: ${article.title}`,
          link: `${url}#corrections`,
          guid: `${url}#${entry.type}-${new Date(entry.date).toISOString()}`,
          pubDate: new Date(entry.date),
          description: escapeHtml(entry.text.trim()),
          language: article.language && article.language !== options.language ? article.language : null,
        }))
    })
    .sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime())
    .slice(0, limit)
  return rssDocument({ feedPath: '/corrections/feed.xml', ...options }, items)
}

import { Feed, type Extension, type Item } from 'feed'
import type { Article } from '@/payload-types'
import escapeHtml from 'escape-html'
import { stripInvalidXmlChars } from '@/lib/text/format'
import { sectionLabel } from '@/lib/content/sections'
import { populatedAuthors, populatedLeadImage } from '@/lib/content/populated'
import { absoluteUrl, articleUrl } from '@/lib/content/urls'
import { creditLine } from '@/lib/photos/credit'
import { imageRendition } from '@/lib/photos/renditions'

/**
 * The RSS 2.0 feed, built with `feed` (jpmonette/feed v6), which writes XML through xml-js.
 *
 * What v6 can and cannot do, read from its source (node_modules/feed/lib/feed.js):
 * - An item's `extensions` are copied into the item as xml-js "compact" objects, so Media RSS
 *   (`media:content` with `media:credit` and `media:description`) and `dc:creator` can be written
 *   through the public API.
 * - It cannot add attributes to `<rss>`, so the `xmlns:media` and `xmlns:dc` declarations are added
 *   by one string edit of the opening tag (`declareNamespaces`); nothing else is post-processed.
 * - xml-js escapes only `"` in attribute values and un-escapes "&amp;" before escaping text, so
 *   attribute values are escaped here (`attr`) and text is passed with "&" pre-escaped (`text`),
 *   which makes both come back exactly as given.
 * - It writes `title` and `description` as CDATA but splits only the first "]]>", so both are
 *   passed as escaped text instead (through `extensions`, which replace the built-in element).
 * - Its `author` element holds a name, where RSS 2.0 expects an e-mail address; bylines go in
 *   `dc:creator` instead, one per author.
 */

export interface RssFeedOptions {
  origin: string
  title: string
  description: string
  /** e.g. "en-GB". */
  language: string
  /** The channel's lastBuildDate; defaults to the newest article's publication or update. */
  updated?: Date
  /** The path of the feed itself, for `atom:link rel="self"`; "/feed.xml" by default. */
  feedPath?: string
  /** Channel image (logo), absolute or a path on the site. */
  imageUrl?: string
  copyright?: string
}

const NAMESPACES = {
  'xmlns:media': 'http://search.yahoo.com/mrss/',
  'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
}

type Loaded = Article & { slug: string; publishedAt: string }

/** Text content for xml-js: "&" pre-escaped, because xml-js turns "&amp;" back into "&" before escaping. */
const text = (value: string) => ({ _text: stripInvalidXmlChars(value).replace(/&/g, '&amp;') })

/** An attribute value for xml-js, which escapes `"` itself but neither `&` nor `<`. */
const attr = (value: string | number) =>
  typeof value === 'number' ? value : stripInvalidXmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** Builds the RSS 2.0 XML for published articles (those without a slug or publication date are skipped). */
export function buildRssFeed(articles: Article[], options: RssFeedOptions): string {
  const { origin } = options
  const items = articles.filter((a): a is Loaded => Boolean(a.slug && a.publishedAt && !Number.isNaN(Date.parse(a.publishedAt))))
  const newest = Math.max(...items.map((a) => Math.max(Date.parse(a.publishedAt), Date.parse(a.updatedAt) || 0)))

  const feed = new Feed({
    title: text(options.title)._text,
    description: text(options.description)._text,
    id: absoluteUrl(origin, '/'),
    link: absoluteUrl(origin, '/'),
    language: options.language,
    feedLinks: { rss: absoluteUrl(origin, options.feedPath ?? '/feed.xml') },
    updated: options.updated ?? (Number.isFinite(newest) ? new Date(newest) : new Date(0)),
    generator: false,
    ...(options.imageUrl ? { image: absoluteUrl(origin, options.imageUrl) } : {}),
    ...(options.copyright ? { copyright: text(options.copyright)._text } : {}),
  })

  for (const article of items) feed.addItem(rssItem(article, origin, options.language))
  return declareNamespaces(feed.rss2())
}

function rssItem(article: Loaded, origin: string, channelLanguage: string): Item {
  const link = articleUrl(origin, article) ?? absoluteUrl(origin, '/')
  const extensions: Extension[] = [{ name: 'title', objects: text(article.title) }]
  // RSS has a language per channel only: an article in another language says so in Dublin Core.
  if (article.language && article.language !== channelLanguage) extensions.push({ name: 'dc:language', objects: text(article.language) })
  // RSS descriptions are HTML; the standfirst is plain text, so it is escaped as HTML first.
  if (article.standfirst) extensions.push({ name: 'description', objects: text(escapeHtml(article.standfirst)) })

  const authors = populatedAuthors(article).map((author) => text(author.name))
  // xml-js writes an array value as repeated elements; the Extension type only says "object".
  if (authors.length > 0) extensions.push({ name: 'dc:creator', objects: authors as unknown as Extension['objects'] })

  const media = mediaContent(article, origin)
  if (media) extensions.push({ name: 'media:content', objects: media })

  const categories = [article.section ? (sectionLabel(article.section) ?? null) : null, ...(article.tags ?? [])]
    .map((name) => name?.trim())
    .filter((name): name is string => Boolean(name))

  return {
    // Replaced by the escaped-text extensions above; required by the type.
    title: article.title,
    // No guid or id: feed then writes the link as the guid, with isPermaLink="true".
    link,
    date: new Date(article.publishedAt),
    category: categories.map((name) => ({ name: text(name)._text })),
    extensions,
  }
}

/** `<media:content>` for the lead image: the 1200×630 social rendition, else the hero, else the original. */
function mediaContent(article: Article, origin: string): Extension['objects'] | null {
  const image = populatedLeadImage(article)
  if (!image) return null
  const file = imageRendition(image, origin, ['social', 'hero'])
  if (!file) return null

  const content: Record<string, unknown> = {
    _attributes: {
      url: attr(file.url),
      medium: 'image',
      ...(file.mimeType ? { type: attr(file.mimeType) } : {}),
      ...(file.width ? { width: file.width } : {}),
      ...(file.height ? { height: file.height } : {}),
      ...(file.filesize ? { fileSize: file.filesize } : {}),
    },
  }
  const credit = creditLine(image)
  if (credit) content['media:credit'] = { _attributes: { role: 'photographer', scheme: 'urn:ebu' }, ...text(credit) }
  const description = image.caption?.trim() || image.alt.trim()
  if (description) content['media:description'] = { _attributes: { type: 'plain' }, ...text(description) }
  return content
}

/** Adds the namespace declarations the extensions use to the `<rss>` start tag, unless already there. */
function declareNamespaces(xml: string): string {
  const start = /<rss\b[^>]*>/.exec(xml)
  if (!start) throw new Error('feed produced no <rss> element')
  const missing = Object.entries(NAMESPACES)
    .filter(([name]) => !start[0].includes(`${name}=`))
    .map(([name, uri]) => ` ${name}="${uri}"`)
    .join('')
  const tag = start[0].replace(/\s*>$/, `${missing}>`)
  return xml.slice(0, start.index) + tag + xml.slice(start.index + start[0].length)
}

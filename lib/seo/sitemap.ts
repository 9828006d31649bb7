import type { Article } from '@/payload-types'
import { toW3CDateTime } from '@/lib/text/format'
import { articleUrl } from '@/lib/content/urls'
import { isHttpUrl } from '@/lib/text/links'
import { inNewsSitemap } from '@/lib/content/labels'
import { el, textEl, written, xmlDocument, type XmlElement } from './xml'

/**
 * Sitemaps (sitemaps.org 0.9), sitemap indexes and the Google News sitemap, written by the site's
 * XML writer (`./xml.ts`), one URL a line.
 */

/** Most URLs one sitemap file may list (sitemaps.org); past it, split and list the parts in an index. */
export const SITEMAP_LIMIT = 50_000
/**
 * Authors per sitemap part: 2,000, as WordPress's own sitemaps; each part is one bounded read. (The
 * articles are split by month instead: lib/seo/sitemap-parts.ts.)
 */
export const SITEMAP_PART_SIZE = 2_000
/** Most URLs one Google News sitemap may list. */
export const NEWS_SITEMAP_LIMIT = 1_000
/** A Google News sitemap lists only articles published in the last two days. */
export const NEWS_MAX_AGE_MS = 2 * 24 * 60 * 60 * 1000
const HOUR_MS = 60 * 60 * 1000

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string
  lastmod?: Date | string | null
}

/** How many sitemap parts `total` URLs fill, `size` to a part (none for none). */
export function sitemapPartCount(total: number, size = SITEMAP_PART_SIZE): number {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`Not a URL count: ${total}`)
  return Math.ceil(total / size)
}

/**
 * The publication dates a Google News sitemap built at `now` may list: the last two days, widened to
 * whole hours so that one cached read serves every request of the hour. buildNewsSitemap then keeps
 * exactly the two days up to `now`.
 */
export function newsSitemapWindow(now: Date): { from: Date; to: Date } {
  const hour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS
  return { from: new Date(hour - NEWS_MAX_AGE_MS), to: new Date(hour + HOUR_MS) }
}

function absoluteLoc(loc: string): string {
  let url: URL
  try {
    url = new URL(loc)
  } catch {
    throw new TypeError(`A sitemap URL must be absolute: ${JSON.stringify(loc)}`)
  }
  if (!isHttpUrl(url)) {
    throw new TypeError(`A sitemap URL must be http(s): ${JSON.stringify(loc)}`)
  }
  return loc
}

function entryElement(name: 'url' | 'sitemap', entry: SitemapEntry): XmlElement {
  return el(name, {}, textEl('loc', absoluteLoc(entry.loc)), entry.lastmod ? textEl('lastmod', toW3CDateTime(entry.lastmod)) : null)
}

/** One URL (or sitemap) a line: a part of 2,000 stays readable and compact. */
const document = (root: XmlElement) => xmlDocument(root, { inlineFrom: 1 })

/** A `<urlset>` sitemap. Throws for a relative URL or more than SITEMAP_LIMIT entries. */
export function buildSitemap(entries: SitemapEntry[]): string {
  if (entries.length > SITEMAP_LIMIT) {
    throw new RangeError(`${entries.length} URLs is more than one sitemap may hold (${SITEMAP_LIMIT})`)
  }
  // Each entry written as it is made (`written`): a part's thousands of elements never live at once.
  return document(el('urlset', { xmlns: SITEMAP_NS }, entries.map((entry) => written(entryElement('url', entry)))))
}

/** A `<sitemapindex>` listing sitemap files. */
export function buildSitemapIndex(sitemaps: SitemapEntry[]): string {
  if (sitemaps.length > SITEMAP_LIMIT) {
    throw new RangeError(`${sitemaps.length} sitemaps is more than one index may hold (${SITEMAP_LIMIT})`)
  }
  return document(el('sitemapindex', { xmlns: SITEMAP_NS }, sitemaps.map((entry) => entryElement('sitemap', entry))))
}

/** An article's sitemap entry (canonical URL, last modified), or null when it has no slug. */
export function articleSitemapEntry(
  article: Pick<Article, 'slug' | 'updatedAt' | 'publishedAt'>,
  origin: string,
): SitemapEntry | null {
  const loc = articleUrl(origin, article)
  return loc ? { loc, lastmod: article.updatedAt || article.publishedAt || null } : null
}

export interface NewsSitemapOptions {
  origin: string
  /** The publication's name exactly as Google News knows it. */
  publicationName: string
  /** ISO 639 language code, e.g. "en": the publication's, for articles that name none. */
  language: string
  /** The moment "the last two days" counts back from. */
  now: Date
}

/**
 * A Google News sitemap: the articles published in the two days up to `now` (none from the future, none sponsored),
 * newest first, at most NEWS_SITEMAP_LIMIT. Articles without a slug or a publication date are skipped.
 */
export function buildNewsSitemap(
  articles: (Pick<Article, 'title' | 'slug' | 'publishedAt'> & { language?: string | null; kind?: string | null })[],
  options: NewsSitemapOptions,
): string {
  const now = options.now.getTime()
  const recent = articles
    .flatMap((article) => {
      const loc = articleUrl(options.origin, article)
      const published = article.publishedAt ? new Date(article.publishedAt) : null
      // Sponsored content is advertising: Google News must never be offered it.
      if (!loc || !published || Number.isNaN(published.getTime()) || !inNewsSitemap(article.kind)) return []
      const age = now - published.getTime()
      const language = article.language ?? options.language
      return age >= 0 && age <= NEWS_MAX_AGE_MS ? [{ loc, published, title: article.title, language }] : []
    })
    .sort((a, b) => b.published.getTime() - a.published.getTime())
    .slice(0, NEWS_SITEMAP_LIMIT)

  // Google News knows a publication by its name and language: each article names its own.
  const urls = recent.map(({ loc, published, title, language }) =>
    el(
      'url',
      {},
      textEl('loc', absoluteLoc(loc)),
      el(
        'news:news',
        {},
        el('news:publication', {}, textEl('news:name', options.publicationName), textEl('news:language', language)),
        textEl('news:publication_date', toW3CDateTime(published)),
        textEl('news:title', title),
      ),
    ),
  )
  return document(el('urlset', { xmlns: SITEMAP_NS, 'xmlns:news': NEWS_NS }, urls))
}

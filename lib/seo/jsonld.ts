import type { BreadcrumbList, ImageObject, NewsArticle, QuantitativeValue, Thing, WithContext } from 'schema-dts'
import type { Article, Media } from '@/payload-types'
import {
  absoluteUrl,
  articleUrl,
  authorUrl,
  creditLine,
  namedCreator,
  originalImage,
  populatedAuthors,
  populatedLeadImage,
} from '@/lib/photos/media'

/**
 * schema.org structured data for the reader pages, typed by `schema-dts` (a misspelt property or a
 * value of the wrong type does not compile). The builders return plain objects (easy to assert on);
 * `jsonLdScript` turns one into the text of a `<script type="application/ld+json">`. Absent facts are
 * left out: the output never holds `undefined`, `null`, "" or empty arrays.
 */

/** One top-level JSON-LD object of a page. */
export type JsonLd = WithContext<Exclude<Thing, string>>

export interface Publisher {
  name: string
  /** Absolute, or a path on the site ("/logo.png"). */
  logoUrl?: string
}

export interface NewsArticleOptions {
  origin: string
  publisher: Publisher
  /** BCP 47 language of the article, e.g. "en". */
  language?: string
}

/** Drops undefined, null, blank strings, empty arrays and objects left with only an "@type". */
function prune(value: unknown): unknown {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'boolean') return value
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined)
    return items.length > 0 ? items : undefined
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      const pruned = prune(item)
      if (pruned !== undefined) out[key] = pruned
    }
    const keys = Object.keys(out).filter((key) => key !== '@type' && key !== '@context')
    return keys.length > 0 ? out : undefined
  }
  return undefined
}

/** `value` without its empty parts. Its type is unchanged: schema-dts makes every property optional. */
function pruned<T extends object>(value: T): T {
  return (prune(value) ?? {}) as T
}

/** Payload's `null` for an empty field, as the `undefined` schema-dts types accept. */
const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined

/** A size in pixels as schema.org types it (a QuantitativeValue; E37 is UN/CEFACT's code for pixel). */
function pixels(value: number | null | undefined): QuantitativeValue | undefined {
  return value ? { '@type': 'QuantitativeValue', value, unitCode: 'E37' } : undefined
}

/**
 * An `ImageObject` for a photo: the original file, its size, caption and the licensing facts
 * Google Images reads (creditText, creator, copyrightNotice, license), all from the media document.
 */
export function imageObjectJsonLd(media: Media, origin: string): ImageObject | null {
  const file = originalImage(media, origin)
  if (!file) return null
  const creator = namedCreator(media)
  return pruned<ImageObject>({
    '@type': 'ImageObject',
    contentUrl: file.url,
    url: file.url,
    width: pixels(file.width),
    height: pixels(file.height),
    encodingFormat: given(file.mimeType),
    caption: given(media.caption),
    creditText: creditLine(media),
    creator: creator ? { '@type': 'Person', name: creator } : undefined,
    copyrightNotice: given(media.credit?.copyright),
    license: given(media.credit?.license),
  })
}

/** The schema.org `NewsArticle` for an article page. */
export function newsArticleJsonLd(article: Article, options: NewsArticleOptions): WithContext<NewsArticle> {
  const { origin, publisher } = options
  const url = articleUrl(origin, article)
  const image = populatedLeadImage(article)
  const tags = (article.tags ?? []).map((tag) => tag.trim()).filter(Boolean)

  return pruned<WithContext<NewsArticle>>({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: given(article.standfirst),
    url: given(url),
    mainEntityOfPage: url ? { '@type': 'WebPage', '@id': url } : undefined,
    datePublished: given(article.publishedAt),
    dateModified: article.updatedAt,
    inLanguage: options.language,
    author: populatedAuthors(article).map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: given(authorUrl(origin, author)),
      jobTitle: given(author.jobTitle),
    })),
    publisher: {
      '@type': 'Organization',
      name: publisher.name,
      url: absoluteUrl(origin, '/'),
      logo: publisher.logoUrl ? { '@type': 'ImageObject', url: absoluteUrl(origin, publisher.logoUrl) } : undefined,
    },
    image: (image && imageObjectJsonLd(image, origin)) ?? undefined,
    articleSection: given(article.section),
    keywords: tags,
    dateline: given(article.dateline),
    locationCreated: article.dateline?.trim() ? { '@type': 'Place', name: article.dateline.trim() } : undefined,
  })
}

export interface BreadcrumbItem {
  name: string
  /** Absolute URL; may be left out for the last item (the current page). */
  url?: string
}

/** A `BreadcrumbList`, positions counted from 1. */
export function breadcrumbJsonLd(items: BreadcrumbItem[]): WithContext<BreadcrumbList> {
  return pruned<WithContext<BreadcrumbList>>({
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: item.url,
    })),
  })
}

/**
 * The text to put inside `<script type="application/ld+json">` (React: `dangerouslySetInnerHTML`).
 * `<`, `>` and `&` are written as JSON unicode escapes, so no value can close the script element
 * ("</script>") or open an HTML comment ("<!--"); U+2028/U+2029 are escaped for old JS parsers.
 * JSON.parse gives back exactly the same data.
 */
export function jsonLdScript(value: JsonLd | JsonLd[]): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

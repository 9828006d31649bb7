import type { Article, Media } from '@/payload-types'
import { populatedAuthors, populatedLeadImage } from '@/lib/content/populated'
import { absoluteUrl, articleUrl, authorUrl } from '@/lib/content/urls'
import { creditLine, namedCreator } from '@/lib/photos/credit'
import { originalImage } from '@/lib/photos/renditions'

/**
 * schema.org structured data for the reader pages. The builders return plain objects (easy to
 * assert on); `jsonLdScript` turns one into the text of a `<script type="application/ld+json">`.
 * Absent facts are left out: the output never holds `undefined`, `null`, "" or empty arrays.
 */

export type JsonValue = string | number | boolean | JsonValue[] | { [key: string]: JsonValue }
export type JsonLdObject = { [key: string]: JsonValue }

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

type Loose = { [key: string]: unknown }

/** Drops undefined, null, blank strings, empty arrays and objects left with only an "@type". */
function prune(value: unknown): JsonValue | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value.trim() === '' ? undefined : value
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value === 'boolean') return value
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item): item is JsonValue => item !== undefined)
    return items.length > 0 ? items : undefined
  }
  if (typeof value === 'object') {
    const out: JsonLdObject = {}
    for (const [key, item] of Object.entries(value as Loose)) {
      const pruned = prune(item)
      if (pruned !== undefined) out[key] = pruned
    }
    const keys = Object.keys(out).filter((key) => key !== '@type' && key !== '@context')
    return keys.length > 0 ? out : undefined
  }
  return undefined
}

function pruneObject(value: Loose): JsonLdObject {
  const pruned = prune(value)
  return pruned !== undefined && typeof pruned === 'object' && !Array.isArray(pruned) ? pruned : {}
}

/**
 * An `ImageObject` for a photo: the original file, its size, caption and the licensing facts
 * Google Images reads (creditText, creator, copyrightNotice, license), all from the media document.
 */
export function imageObjectJsonLd(media: Media, origin: string): JsonLdObject | null {
  const file = originalImage(media, origin)
  if (!file) return null
  const creator = namedCreator(media)
  return pruneObject({
    '@type': 'ImageObject',
    contentUrl: file.url,
    url: file.url,
    width: file.width,
    height: file.height,
    encodingFormat: file.mimeType,
    caption: media.caption,
    creditText: creditLine(media),
    creator: creator ? { '@type': 'Person', name: creator } : undefined,
    copyrightNotice: media.credit?.copyright,
    license: media.credit?.license,
  })
}

/** The schema.org `NewsArticle` for an article page. */
export function newsArticleJsonLd(article: Article, options: NewsArticleOptions): JsonLdObject {
  const { origin, publisher } = options
  const url = articleUrl(origin, article)
  const image = populatedLeadImage(article)
  const tags = (article.tags ?? []).map((tag) => tag.trim()).filter(Boolean)

  return pruneObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.standfirst,
    url,
    mainEntityOfPage: url ? { '@type': 'WebPage', '@id': url } : undefined,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt,
    inLanguage: options.language,
    author: populatedAuthors(article).map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: authorUrl(origin, author),
      jobTitle: author.jobTitle,
    })),
    publisher: {
      '@type': 'Organization',
      name: publisher.name,
      url: absoluteUrl(origin, '/'),
      logo: publisher.logoUrl ? { '@type': 'ImageObject', url: absoluteUrl(origin, publisher.logoUrl) } : undefined,
    },
    image: image ? imageObjectJsonLd(image, origin) : undefined,
    articleSection: article.section,
    keywords: tags,
    dateline: article.dateline,
    locationCreated: article.dateline?.trim() ? { '@type': 'Place', name: article.dateline.trim() } : undefined,
  })
}

export interface BreadcrumbItem {
  name: string
  /** Absolute URL; may be left out for the last item (the current page). */
  url?: string
}

/** A `BreadcrumbList`, positions counted from 1. */
export function breadcrumbJsonLd(items: BreadcrumbItem[]): JsonLdObject {
  return pruneObject({
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
export function jsonLdScript(value: JsonLdObject | JsonLdObject[]): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

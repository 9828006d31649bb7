import type {
  AdvertiserContentArticle,
  BreadcrumbList,
  ClaimReview,
  CorrectionComment,
  ImageObject,
  NewsArticle,
  NewsMediaOrganizationLeaf,
  Person,
  PersonLeaf,
  QuantitativeValue,
  Thing,
  WithContext,
} from 'schema-dts'
import type { Article, Author, Media } from '@/payload-types'
import { ADMITTED_ERRORS, significantlyModifiedAt, sortedCorrections } from '@/lib/content/corrections'
import { kindSchemaType } from '@/lib/content/labels'
import { POLICIES, type Site } from '@/lib/content/site'
import { isHttpUrl } from '@/lib/text/links'
import { SITE_LANGUAGE } from '@/lib/text/language'
import { populatedAuthors, populatedLeadImage } from '@/lib/content/populated'
import { absoluteUrl, articleUrl, authorUrl } from '@/lib/content/urls'
import { creditLine, namedCreator } from '@/lib/photos/credit'
import { originalImage } from '@/lib/photos/renditions'

/**
 * schema.org structured data for the reader pages, typed by `schema-dts` (a misspelt property or a
 * value of the wrong type does not compile). The builders return plain objects (easy to assert on);
 * `jsonLdScript` turns one into the text of a `<script type="application/ld+json">`. Absent facts are
 * left out: the output never holds `undefined`, `null`, "" or empty arrays.
 */

/** One top-level JSON-LD object of a page. */
export type JsonLd = WithContext<Exclude<Thing, string>>

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

/** The `@id` of the publication's NewsMediaOrganization: every page's articles point to it. */
export const organizationId = (origin: string) => absoluteUrl(origin, '/#organization')

/**
 * The publication as a `NewsMediaOrganization`, on every page: its policies (the Trust Project's
 * signals, as schema.org names them), logo and contact.
 */
export function organizationJsonLd(site: Site): WithContext<NewsMediaOrganizationLeaf> {
  const { origin, policies } = site
  const url = (path: string | undefined) => (path ? absoluteUrl(origin, path) : undefined)
  const policy = Object.fromEntries(POLICIES.map(({ field, schema }) => [schema, url(policies[field])]))
  return pruned<WithContext<NewsMediaOrganizationLeaf>>({
    '@context': 'https://schema.org',
    '@type': 'NewsMediaOrganization',
    '@id': organizationId(origin),
    name: site.name,
    url: absoluteUrl(origin, '/'),
    description: site.description,
    logo: site.logoUrl ? { '@type': 'ImageObject', url: absoluteUrl(origin, site.logoUrl) } : undefined,
    // schema.org's catch-all for a publication's standards: the ethics policy, else the corrections one.
    publishingPrinciples: url(policies.ethics ?? policies.corrections),
    ...policy,
    contactPoint:
      site.contactEmail || site.contactUrl
        ? { '@type': 'ContactPoint', contactType: 'newsroom', email: site.contactEmail, url: url(site.contactUrl) }
        : undefined,
  })
}

/** A byline or profile as a `Person`: its page, job, and the profiles elsewhere and subjects it is known for. */
export function personJsonLd(author: Author, origin: string): Person {
  return pruned<PersonLeaf>({
    '@type': 'Person',
    name: author.name,
    url: given(authorUrl(origin, author)),
    jobTitle: given(author.jobTitle),
    sameAs: (author.links ?? []).map((link) => link.url).filter(isHttpUrl),
    knowsAbout: (author.expertise ?? []).map((subject) => subject.trim()),
  })
}

/** Corrections and clarifications as schema.org `CorrectionComment`s, newest first. */
export function correctionsJsonLd(article: Pick<Article, 'corrections'>): CorrectionComment[] {
  return sortedCorrections(article.corrections)
    .filter((entry) => ADMITTED_ERRORS.includes(entry.type))
    .map((entry) => pruned<CorrectionComment>({ '@type': 'CorrectionComment', datePublished: entry.date, text: entry.text.trim() }))
}

type ArticleData = WithContext<NewsArticle | AdvertiserContentArticle>

/**
 * The article's JSON-LD, typed by its label (lib/content/labels.ts: NewsArticle, AnalysisNewsArticle,
 * OpinionNewsArticle, ReviewNewsArticle, BackgroundNewsArticle, AdvertiserContentArticle).
 * `dateModified` is the last change readers were told of (a significant update, a correction or an
 * update), else the publication date; never `updatedAt`, which a typo fix moves too.
 */
export function articleJsonLd(article: Article, site: Site): ArticleData {
  const { origin } = site
  const url = articleUrl(origin, article)
  const image = populatedLeadImage(article)
  const tags = (article.tags ?? []).map((tag) => tag.trim()).filter(Boolean)
  const data = pruned<WithContext<NewsArticle>>({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: given(article.standfirst),
    url: given(url),
    mainEntityOfPage: url ? { '@type': 'WebPage', '@id': url } : undefined,
    datePublished: given(article.publishedAt),
    dateModified: significantlyModifiedAt(article) ?? given(article.publishedAt),
    inLanguage: article.language ?? SITE_LANGUAGE,
    author: populatedAuthors(article).map((author) => personJsonLd(author, origin)),
    publisher: {
      '@type': 'NewsMediaOrganization',
      '@id': organizationId(origin),
      name: site.name,
      url: absoluteUrl(origin, '/'),
      logo: site.logoUrl ? { '@type': 'ImageObject', url: absoluteUrl(origin, site.logoUrl) } : undefined,
    },
    image: (image && imageObjectJsonLd(image, origin)) ?? undefined,
    articleSection: given(article.section),
    keywords: tags,
    dateline: given(article.dateline),
    locationCreated: article.dateline?.trim() ? { '@type': 'Place', name: article.dateline.trim() } : undefined,
    correction: correctionsJsonLd(article),
  })
  // The same properties under the label's type: schema-dts cannot follow a computed "@type".
  return { ...data, '@type': kindSchemaType(article.kind) } as ArticleData
}

/**
 * A fact check's `ClaimReview` (what Google shows beside the claim), or null unless the article is a
 * fact check with its claim and verdict filled in.
 */
export function claimReviewJsonLd(article: Article, site: Site): WithContext<ClaimReview> | null {
  const claim = article.factCheck?.claim?.trim()
  const verdict = article.factCheck?.verdict?.trim()
  const url = articleUrl(site.origin, article)
  if (article.kind !== 'factCheck' || !claim || !verdict || !url) return null
  const claimant = article.factCheck?.claimant?.trim()
  return pruned<WithContext<ClaimReview>>({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url,
    claimReviewed: claim,
    datePublished: given(article.publishedAt),
    itemReviewed: { '@type': 'Claim', author: claimant ? { '@type': 'Person', name: claimant } : undefined },
    author: { '@type': 'NewsMediaOrganization', '@id': organizationId(site.origin), name: site.name, url: absoluteUrl(site.origin, '/') },
    reviewRating: { '@type': 'Rating', alternateName: verdict },
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

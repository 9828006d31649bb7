import type { Article, Media } from '@/payload-types'
import { ADMITTED_ERRORS, sortedCorrections } from '@/lib/content/corrections'
import { kindLabel } from '@/lib/content/labels'
import { sectionLabel } from '@/lib/content/sections'
import { POLICIES, sectionPath, tagPath, type Site } from '@/lib/content/site'
import { populatedAuthors, populatedLeadImage } from '@/lib/content/populated'
import { absoluteUrl, articleUrl } from '@/lib/content/urls'
import { creditLine, namedCreator } from '@/lib/photos/credit'
import { imageRendition, type ImageSizeName } from '@/lib/photos/renditions'
import { SITE_LANGUAGE } from '@/lib/text/language'
import { slugify } from '@/lib/text/slug'

/**
 * An article as IPTC ninjs 2.1 (News in JSON), the format news agencies syndicate in: what
 * `/articles/<slug>.ninjs.json` and `GET /api/articles/:id/ninjs` answer. Pure: the body comes in as
 * HTML already rendered (reader/components/ArticleBody.tsx), the site from its settings. The output
 * is validated against the schema in `lib/seo/ninjs-schema-2.1.json` by tests/unit/ninjs.test.ts.
 */

export const NINJS_STANDARD = { name: 'ninjs', version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json' } as const

interface Text {
  role?: string
  contenttype?: string
  value: string
}

interface Rendition {
  name: string
  href?: string
  contenttype?: string
  width?: number
  height?: number
  sizeinbytes?: number
}

interface Concept {
  name?: string
  rel?: string
  uri?: string
  literal?: string
}

/** The ninjs properties Masthead writes and reads (a subset of the standard's). */
export interface Ninjs {
  uri: string
  standard?: { name: string; version: string; schema: string }
  type?: 'text' | 'picture'
  representationtype?: 'full' | 'partial'
  firstcreated?: string
  versioncreated?: string
  pubstatus?: 'usable' | 'withheld' | 'canceled'
  language?: string
  headlines?: Text[]
  descriptions?: Text[]
  bodies?: (Text & { charcount?: number; wordcount?: number })[]
  by?: string
  located?: string
  slugline?: string
  subjects?: Concept[]
  genres?: Concept[]
  copyrightholder?: string
  copyrightnotice?: string
  usageterms?: string
  altids?: { role?: string; value?: string }[]
  trustindicators?: { role?: string; title?: string; href?: string }[]
  renditions?: Rendition[]
  associations?: (Ninjs & { name: string })[]
}

/** A stable identifier (not a link): the host and the document's id, which outlive slugs. */
const itemUri = (origin: string, kind: 'article' | 'picture', id: number | string) => `urn:masthead:${new URL(origin).host}:${kind}:${id}`

/** Drops undefined values and empty arrays, so the JSON carries only what is known. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined && item !== null && item !== '' && !(Array.isArray(item) && item.length === 0)),
  ) as T
}

const RENDITIONS: ImageSizeName[] = ['hero', 'social', 'card', 'thumbnail']

/** The lead photo as a ninjs picture association: its renditions and its rights. */
export function pictureNinjs(media: Media, origin: string): Ninjs & { name: string } {
  const original = imageRendition(media, origin, [])
  const renditions: Rendition[] = [
    ...(original ? [{ name: 'original', ...renditionOf(original) }] : []),
    ...RENDITIONS.flatMap((size) => {
      const file = media.sizes?.[size]
      return file?.url ? [{ name: size, ...renditionOf({ url: absoluteUrl(origin, file.url), mimeType: file.mimeType, width: file.width, height: file.height, filesize: file.filesize }) }] : []
    }),
  ]
  const credit = creditLine(media)
  const holder = media.credit?.provider?.trim() || namedCreator(media) || undefined
  return compact({
    name: 'leadimage',
    uri: itemUri(origin, 'picture', media.id),
    type: 'picture' as const,
    headlines: media.caption?.trim() ? [{ value: media.caption.trim() }] : [],
    descriptions: [
      ...(media.alt?.trim() ? [{ role: 'alt', value: media.alt.trim() }] : []),
      // ninjs 2.x has no credit-line property: it travels as a description with that role.
      ...(credit ? [{ role: 'creditline', value: credit }] : []),
    ],
    by: namedCreator(media) ?? undefined,
    copyrightholder: holder,
    copyrightnotice: media.credit?.copyright?.trim() || undefined,
    usageterms: media.credit?.license?.trim() ? `Licensed under ${media.credit.license.trim()}` : undefined,
    renditions,
  })
}

function renditionOf(file: { url: string; mimeType?: string | null; width?: number | null; height?: number | null; filesize?: number | null }): Omit<Rendition, 'name'> {
  return compact({ href: file.url, contenttype: file.mimeType ?? undefined, width: file.width ?? undefined, height: file.height ?? undefined, sizeinbytes: file.filesize ?? undefined })
}

/** Words and characters of an HTML body's text, as ninjs counts them (tags left out). */
function counts(html: string): { charcount: number; wordcount: number } {
  // Blocks end words; inline tags (links, emphasis) do not.
  const text = html.replace(/<\/?(?:p|h[1-6]|li|ul|ol|blockquote|figure|figcaption|div|br)\b[^>]*>/gi, ' ').replace(/<[^>]*>/g, '').replace(/&[a-z#0-9]+;/gi, '_').replace(/\s+/g, ' ').trim()
  return { charcount: text.length, wordcount: text ? text.split(' ').length : 0 }
}

/**
 * The article as ninjs. `bodyHtml` is its body rendered as on the site; links and images in it
 * that point at the site are made absolute, since the document travels elsewhere.
 */
export function articleNinjs(article: Article, site: Site, bodyHtml: string): Ninjs {
  const { origin } = site
  const url = articleUrl(origin, article)
  const html = bodyHtml.replace(/(href|src)="\/(?!\/)/g, `$1="${origin}/`)
  const authors = populatedAuthors(article).map((author) => author.name)
  const image = populatedLeadImage(article)
  const label = kindLabel(article.kind)
  const year = new Date(article.publishedAt ?? article.createdAt).getUTCFullYear()
  const section = article.section ? sectionLabel(article.section) : undefined
  return compact({
    uri: itemUri(origin, 'article', article.id),
    standard: { ...NINJS_STANDARD },
    type: 'text' as const,
    representationtype: 'full' as const,
    firstcreated: article.publishedAt ?? article.createdAt,
    versioncreated: article.updatedAt,
    pubstatus: article._status === 'published' ? ('usable' as const) : ('withheld' as const),
    language: article.language ?? SITE_LANGUAGE,
    slugline: article.slug ?? undefined,
    headlines: [{ role: 'main', value: article.title }],
    descriptions: [
      ...(article.standfirst?.trim() ? [{ role: 'summary', value: article.standfirst.trim() }] : []),
      // Corrections are public, and agencies print them: one description each, newest first.
      ...sortedCorrections(article.corrections)
        .filter((entry) => ADMITTED_ERRORS.includes(entry.type))
        .map((entry) => ({ role: entry.type, value: `${entry.date.slice(0, 10)}: ${entry.text.trim()}` })),
    ],
    bodies: html.trim() ? [{ role: 'main', contenttype: 'text/html', value: html, ...counts(html) }] : [],
    by: authors.length > 0 ? authors.join(', ') : undefined,
    located: article.dateline?.trim() || undefined,
    subjects: [
      ...(article.section && section ? [{ name: section, rel: 'section', uri: absoluteUrl(origin, sectionPath(article.section)), literal: article.section }] : []),
      ...(article.tags ?? []).map((tag) => ({ name: tag, rel: 'tag', uri: absoluteUrl(origin, tagPath(slugify(tag))), literal: slugify(tag) })),
    ],
    genres: [{ name: label ?? 'News', literal: article.kind ?? 'news' }],
    copyrightholder: site.name,
    copyrightnotice: `© ${year} ${site.name}`,
    altids: url ? [{ role: 'canonical-url', value: url }] : [],
    trustindicators: POLICIES.flatMap(({ field, label: title, schema }) =>
      site.policies[field] ? [{ role: `https://schema.org/${schema}`, title, href: absoluteUrl(origin, site.policies[field]) }] : [],
    ),
    associations: image ? [pictureNinjs(image, origin)] : [],
  })
}

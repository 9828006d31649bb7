import type { Article, Author } from '@/payload-types'
import { breadcrumbJsonLd, newsArticleJsonLd, type JsonLdObject } from './jsonld'
import { absoluteUrl } from '@/lib/content/urls'
import { listingPath, pagedTitle } from '@/lib/content/pagination'
import { populatedAuthors, populatedLeadImage } from '@/lib/content/populated'
import { sectionLabel } from '@/lib/content/sections'
import { SITE_LANGUAGE } from '@/lib/text/language'
import { articlePath, authorPath, SITE_NAME, sectionPath } from '@/lib/content/site'

/**
 * What goes in a reader page's <head>: title, description, canonical URL, OpenGraph and Twitter
 * cards, structured data. Pure: built from documents and the site's origin, rendered by
 * `reader/components/Document.tsx`.
 */
export interface MetaTag {
  /** OpenGraph tags use `property`, the others `name`. */
  property?: string
  name?: string
  content: string
}

export interface PageHead {
  title: string
  description?: string
  /** Absolute. */
  canonical?: string
  /** Pages that must not be indexed (404, errors, previews). */
  noindex?: boolean
  /** The language of the page's content (BCP 47); the site's language when not said. */
  language?: string
  meta: MetaTag[]
  jsonLd: JsonLdObject[]
}

/** "Headline · Masthead", or the site's name alone for the front page. */
export const documentTitle = (title?: string) => (title ? `${title} · ${SITE_NAME}` : SITE_NAME)

const DEFAULT_DESCRIPTION = `News from the ${SITE_NAME} newsroom.`

/** A listing or other simple page: title, canonical path and the site's description. */
export function simpleHead(origin: string, options: { title?: string; path?: string; description?: string; noindex?: boolean }): PageHead {
  const title = documentTitle(options.title)
  const description = options.description ?? DEFAULT_DESCRIPTION
  const canonical = options.path === undefined ? undefined : absoluteUrl(origin, options.path)
  return {
    title,
    description,
    canonical,
    noindex: options.noindex,
    meta: options.noindex
      ? []
      : [
          { property: 'og:site_name', content: SITE_NAME },
          { property: 'og:type', content: 'website' },
          { property: 'og:title', content: options.title ?? SITE_NAME },
          { property: 'og:description', content: description },
          ...(canonical ? [{ property: 'og:url', content: canonical }] : []),
          { name: 'twitter:card', content: 'summary' },
        ],
    jsonLd: [],
  }
}

const present = (tags: (MetaTag | '' | null | false | undefined)[]): MetaTag[] =>
  tags.filter((tag): tag is MetaTag => Boolean(tag && tag.content))

export function articleHead(article: Article, origin: string): PageHead {
  const path = articlePath(article.slug ?? '')
  const canonical = absoluteUrl(origin, path)
  const description = article.standfirst?.trim() || undefined
  const image = populatedLeadImage(article)
  const social = image?.sizes?.social?.url ? image.sizes.social : null
  const socialUrl = social?.url ? absoluteUrl(origin, social.url) : null
  const authors = populatedAuthors(article)
  const section = article.section ? sectionLabel(article.section) : undefined
  return {
    title: documentTitle(article.title),
    description,
    canonical,
    language: article.language ?? SITE_LANGUAGE,
    meta: present([
      { property: 'og:site_name', content: SITE_NAME },
      { property: 'og:type', content: 'article' },
      { property: 'og:title', content: article.title },
      description && { property: 'og:description', content: description },
      { property: 'og:url', content: canonical },
      socialUrl && { property: 'og:image', content: socialUrl },
      socialUrl && { property: 'og:image:width', content: String(social?.width ?? 1200) },
      socialUrl && { property: 'og:image:height', content: String(social?.height ?? 630) },
      socialUrl && image?.alt && { property: 'og:image:alt', content: image.alt },
      article.publishedAt && { property: 'article:published_time', content: article.publishedAt },
      { property: 'article:modified_time', content: article.updatedAt },
      ...authors.map((author) => author.slug && { property: 'article:author', content: absoluteUrl(origin, authorPath(author.slug)) }),
      section && { property: 'article:section', content: section },
      ...(article.tags ?? []).map((tag) => ({ property: 'article:tag', content: tag })),
      { name: 'twitter:card', content: socialUrl ? 'summary_large_image' : 'summary' },
      { name: 'twitter:title', content: article.title },
      description && { name: 'twitter:description', content: description },
      socialUrl && { name: 'twitter:image', content: socialUrl },
      ...authors.map((author) => ({ name: 'author', content: author.name })),
    ]),
    jsonLd: [
      newsArticleJsonLd(article, { origin, publisher: { name: SITE_NAME }, language: article.language ?? SITE_LANGUAGE }),
      breadcrumbJsonLd([
        { name: SITE_NAME, url: absoluteUrl(origin, '/') },
        ...(article.section && section ? [{ name: section, url: absoluteUrl(origin, sectionPath(article.section)) }] : []),
        { name: article.title, url: canonical },
      ]),
    ],
  }
}

export function authorHead(author: Author, origin: string, page: number): PageHead {
  const path = listingPath(authorPath(author.slug ?? ''), page)
  const description = author.bio?.trim() || `${author.jobTitle ?? 'Articles'} by ${author.name}`
  const head = simpleHead(origin, { title: pagedTitle(author.name, page), path, description })
  return { ...head, meta: head.meta.map((tag) => (tag.property === 'og:type' ? { ...tag, content: 'profile' } : tag)) }
}

import type { Article, Author, Media } from '@/payload-types'
import { formatCreditLine } from './credit'
import { isPopulated } from '@/lib/content/populated'
import { articlePath, authorPath } from '@/lib/content/site'

/**
 * Reading documents fetched with depth ≥ 1: relationships are populated objects or, when the
 * related document is missing or not readable, bare ids. Absolute URLs are built from an `origin`
 * argument (e.g. "https://news.example") so that these helpers stay pure.
 */

export { isPopulated }

/** The article's authors that are populated and have a name, in byline order. */
export function populatedAuthors(article: Pick<Article, 'authors'>): Author[] {
  return (article.authors ?? []).filter(isPopulated).filter((author) => author.name.trim() !== '')
}

/** The article's lead image when it is populated and has a file URL. */
export function populatedLeadImage(article: Pick<Article, 'leadImage'>): Media | null {
  const image = article.leadImage
  return isPopulated(image) && image.url ? image : null
}

/** `origin` + `path`, or `path` itself when it is already an absolute http(s) URL (e.g. object storage). */
export function absoluteUrl(origin: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path
  return `${origin.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`
}

/** The canonical URL of an article, or null when it has no slug yet. */
export function articleUrl(origin: string, article: Pick<Article, 'slug'>): string | null {
  return article.slug ? absoluteUrl(origin, articlePath(article.slug)) : null
}

/** The URL of an author's page, or null when the author has no slug yet. */
export function authorUrl(origin: string, author: Pick<Author, 'slug'>): string | null {
  return author.slug ? absoluteUrl(origin, authorPath(author.slug)) : null
}

export type ImageSizeName = keyof NonNullable<Media['sizes']>

/** One rendition of an image, with an absolute URL and whatever Payload knows about it. */
export interface ImageRendition {
  url: string
  width?: number
  height?: number
  mimeType?: string
  filesize?: number
}

interface FileFields {
  url?: string | null
  width?: number | null
  height?: number | null
  mimeType?: string | null
  filesize?: number | null
}

function rendition(origin: string, file: FileFields | undefined): ImageRendition | null {
  if (!file?.url) return null
  return {
    url: absoluteUrl(origin, file.url),
    ...(file.width ? { width: file.width } : {}),
    ...(file.height ? { height: file.height } : {}),
    ...(file.mimeType ? { mimeType: file.mimeType } : {}),
    ...(file.filesize ? { filesize: file.filesize } : {}),
  }
}

/** The uploaded file itself, or null when the document has no URL. */
export function originalImage(media: Media, origin: string): ImageRendition | null {
  return rendition(origin, media)
}

/**
 * The first of `preferred` sizes that was generated (Payload skips a size that would enlarge a
 * small original), else the original file.
 */
export function imageRendition(media: Media, origin: string, preferred: ImageSizeName[]): ImageRendition | null {
  for (const name of preferred) {
    const found = rendition(origin, media.sizes?.[name])
    if (found) return found
  }
  return originalImage(media, origin)
}

/** The photo's credit as printed ("Abdulaziz KETAZ / AFP"), or "" when there is none. */
export function creditLine(media: Pick<Media, 'credit'>): string {
  return formatCreditLine(media.credit ?? {})
}

// Bylines that name no one: agencies put these where a photographer's name would go.
const GENERIC_CREATOR =
  /^(?:handout|stringer|staff|pool|file|archive|anonymous|unknown|n\/a|courtesy|various)(?:\s+(?:photo(?:grapher)?s?|picture|image))?$/i

/**
 * The photographer as a person's name, or null when the credit names no one ("Handout", "Pool",
 * "Stringer") or repeats the agency ("AFP / AFP").
 */
export function namedCreator(media: Pick<Media, 'credit'>): string | null {
  const creator = media.credit?.creator?.trim()
  if (!creator || GENERIC_CREATOR.test(creator)) return null
  const provider = media.credit?.provider?.trim()
  if (provider && provider.toLowerCase() === creator.toLowerCase()) return null
  return creator
}

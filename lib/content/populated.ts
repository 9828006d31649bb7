import type { Article, Author, Media } from '@/payload-types'

/** A document's id: a number on SQLite, a string (ObjectId) on MongoDB. */
export type Id = number | string

/** A relationship value fetched with enough depth is the document itself; otherwise it is only an id. */
export function isPopulated<T extends { id: Id }>(value: Id | T | null | undefined): value is T {
  return typeof value === 'object' && value !== null
}

/** The id of a relationship value: a bare id, or a populated document. */
export function idOf(value: unknown): Id | null {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return null
}

// Documents fetched with depth ≥ 1: relationships are populated objects or, when the related
// document is missing or not readable, bare ids.

/** The article's authors that are populated and have a name, in byline order. */
export function populatedAuthors(article: Pick<Article, 'authors'>): Author[] {
  return (article.authors ?? []).filter(isPopulated).filter((author) => author.name.trim() !== '')
}

/** The article's lead image when it is populated and has a file URL. */
export function populatedLeadImage(article: Pick<Article, 'leadImage'>): Media | null {
  const image = article.leadImage
  return isPopulated(image) && image.url ? image : null
}

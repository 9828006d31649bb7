import type { Article, Author } from '@/payload-types'
import { articlePath, authorPath } from '@/lib/content/site'

/**
 * Absolute URLs for feeds, sitemaps and structured data, built from an `origin` argument
 * (e.g. "https://news.example") so that these helpers stay pure.
 */

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

import type { Article, Author } from '@/payload-types'
import { articleSitemapEntry, type SitemapEntry } from './sitemap'
import { authorPath, sectionPath, tagPath } from '@/lib/content/site'

/** The sitemap entries of each part's URLs (see lib/seo/sitemap-parts.ts). */

/** Home, which changes with the newest article, and the section pages. */
export function pageEntries(origin: string, homeLastmod: string | null, sections: string[]): SitemapEntry[] {
  return [{ loc: `${origin}/`, lastmod: homeLastmod }, ...sections.map((section) => ({ loc: `${origin}${sectionPath(section)}` }))]
}

export function articleEntries(articles: Pick<Article, 'slug' | 'updatedAt' | 'publishedAt'>[], origin: string): SitemapEntry[] {
  return articles.flatMap((article) => articleSitemapEntry(article, origin) ?? [])
}

export function authorEntries(authors: Pick<Author, 'slug' | 'updatedAt'>[], origin: string): SitemapEntry[] {
  return authors.flatMap((author) => (author.slug ? [{ loc: `${origin}${authorPath(author.slug)}`, lastmod: author.updatedAt }] : []))
}

export function tagEntries(tagSlugs: string[], origin: string): SitemapEntry[] {
  return tagSlugs.map((tag) => ({ loc: `${origin}${tagPath(tag)}` }))
}

import type { SitemapData } from './queries'
import { articleSitemapEntry, type SitemapEntry } from './sitemap'
import { authorPath, sectionPath, tagPath } from './site'

/** Every public URL of the site, newest articles first, as sitemap entries. */
export function sitemapEntries(data: SitemapData, origin: string): SitemapEntry[] {
  return [
    { loc: `${origin}/`, lastmod: data.articles[0]?.updatedAt ?? null },
    ...data.articles.flatMap((article) => articleSitemapEntry(article, origin) ?? []),
    ...data.authors.flatMap((author) => (author.slug ? [{ loc: `${origin}${authorPath(author.slug)}`, lastmod: author.updatedAt }] : [])),
    ...data.sections.map((section) => ({ loc: `${origin}${sectionPath(section)}` })),
    ...data.tagSlugs.map((tag) => ({ loc: `${origin}${tagPath(tag)}` })),
  ]
}

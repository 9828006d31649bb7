/**
 * The cache tags reader pages declare, and which of them a change to a document invalidates.
 * Pure: the hooks in `hooks/expire-pages.ts` feed it documents, `lib/content/queries.ts` declares the same names.
 */
import { idOf } from '@/lib/content/populated'

export const TAGS = {
  /** Any listing of articles by date: home and its pages, "latest" rails, feeds, sitemaps. */
  latest: 'articles:latest',
  // Slugs are percent-encoded in tag names, which may travel in HTTP headers (ASCII only).
  article: (slug: string) => `article:${encodeURIComponent(slug)}`,
  /** An author's articles, and their byline wherever it is listed. */
  author: (id: number | string) => `author:${id}`,
  /** The list of authors (sitemaps). */
  authors: 'authors:list',
  /** The lookup of an author's profile by URL slug (which may point nowhere yet). */
  authorSlug: (slug: string) => `author-slug:${encodeURIComponent(slug)}`,
  section: (section: string) => `section:${section}`,
  tag: (tagSlug: string) => `tag:${encodeURIComponent(tagSlug)}`,
  /** The site-settings global: every page shows it (header, footer, organisation JSON-LD). */
  site: 'site',
  /** The corrections log (/corrections, its pages and feed). */
  corrections: 'corrections',
  /** The redirect lookup for a path no page answers (lib/content/redirects.ts stored form). */
  redirect: (path: string) => `redirect:${encodeURI(path)}`,
} as const

export interface ArticleLike {
  slug?: string | null
  section?: string | null
  tagSlugs?: string[] | null
  authors?: (number | string | { id: number | string })[] | null
  _status?: 'draft' | 'published' | null
  /** Set while the article carries a correction or clarification (it is then on /corrections). */
  correctedAt?: string | null
}


/** Everything that shows this article, before and after the change (a slug or author may have moved). */
export function tagsForArticle(...versions: (ArticleLike | null | undefined)[]): string[] {
  const tags = new Set<string>([TAGS.latest])
  for (const article of versions) {
    if (!article) continue
    if (article.slug) tags.add(TAGS.article(article.slug))
    if (article.section) tags.add(TAGS.section(article.section))
    for (const tag of article.tagSlugs ?? []) tags.add(TAGS.tag(tag))
    for (const author of article.authors ?? []) tags.add(TAGS.author(idOf(author) ?? ''))
    if (article.correctedAt) tags.add(TAGS.corrections)
  }
  return [...tags]
}

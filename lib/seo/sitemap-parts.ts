import type { SitemapEntry } from './sitemap'

/**
 * The files the sitemap index (/sitemap.xml) lists, each one bounded read: the site's own pages
 * (home, sections), the tags, the bylined authors a page of the authors collection at a time, and the
 * articles SITEMAP_PART_SIZE at a time in the order they were created, so that a new article changes
 * the last part only.
 */
export type SitemapPart = { kind: 'pages' | 'tags' } | { kind: 'authors' | 'articles'; page: number }

export function sitemapPartPath(part: SitemapPart): string {
  return 'page' in part ? `/sitemaps/${part.kind}-${part.page}.xml` : `/sitemaps/${part.kind}.xml`
}

const PART_FILE = /^(?:(pages|tags)|(authors|articles)-([1-9]\d{0,5}))\.xml$/

/** The part a /sitemaps/<file> URL names, or null for any other name. */
export function parseSitemapPart(file: string): SitemapPart | null {
  const match = PART_FILE.exec(file)
  if (!match) return null
  const [, single, paged, page] = match
  if (single === 'pages' || single === 'tags') return { kind: single }
  if (paged === 'authors' || paged === 'articles') return { kind: paged, page: Number(page) }
  return null
}

/** What the index says of the parts: how many there are, and when those that can tell last changed. */
export interface SitemapSummary {
  /** The newest article's last update: when the home page last changed. */
  homeLastmod: string | null
  /** How many parts the authors collection fills. */
  authorParts: number
  /** One per articles part, in order: the latest update among its articles. */
  articleParts: (string | null)[]
}

/**
 * The entries of the sitemap index. The tags and authors parts carry no last modification: knowing
 * when their lists last changed would take reading them, and a missing date is better than a wrong one.
 */
export function sitemapIndexEntries(summary: SitemapSummary, origin: string): SitemapEntry[] {
  const entry = (part: SitemapPart, lastmod?: string | null): SitemapEntry => ({ loc: `${origin}${sitemapPartPath(part)}`, lastmod })
  return [
    entry({ kind: 'pages' }, summary.homeLastmod),
    entry({ kind: 'tags' }),
    ...Array.from({ length: summary.authorParts }, (_, index) => entry({ kind: 'authors', page: index + 1 })),
    ...summary.articleParts.map((lastmod, index) => entry({ kind: 'articles', page: index + 1 }, lastmod)),
  ]
}

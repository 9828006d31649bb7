import type { SitemapEntry } from './sitemap'
import { utcIso } from '@/lib/text/dates'

/**
 * The files the sitemap index (/sitemap.xml) lists, each one bounded read: the site's own pages
 * (home, sections), the tags, the bylined authors a page of the authors collection at a time, and the
 * articles by the month they were published (UTC), as newsrooms' sitemaps are. A month's file lists
 * the same articles whatever happens to the rest of the archive: a new article changes the current
 * month only, an edit or an unpublish its own month only, so a crawler re-reads one file, not every
 * file after the change (as parts counted in id order would have it).
 */
export type SitemapPart = { kind: 'pages' | 'tags' } | { kind: 'authors'; page: number } | { kind: 'articles'; month: string }

export function sitemapPartPath(part: SitemapPart): string {
  if (part.kind === 'authors') return `/sitemaps/authors-${part.page}.xml`
  if (part.kind === 'articles') return `/sitemaps/articles-${part.month}.xml`
  return `/sitemaps/${part.kind}.xml`
}

const PART_FILE = /^(?:(pages|tags)|authors-([1-9]\d{0,5})|articles-(\d{4}-(?:0[1-9]|1[0-2])))\.xml$/

/** The part a /sitemaps/<file> URL names, or null for any other name. */
export function parseSitemapPart(file: string): SitemapPart | null {
  const match = PART_FILE.exec(file)
  if (!match) return null
  const [, single, page, month] = match
  if (single === 'pages' || single === 'tags') return { kind: single }
  if (page) return { kind: 'authors', page: Number(page) }
  if (month) return { kind: 'articles', month }
  return null
}

/**
 * The month ('YYYY-MM', UTC) a date falls in: the articles part that lists an article published then,
 * kept on the article as `publishedMonth`. Null for no date or one that is not a date.
 */
export function monthOf(date: string | Date | null | undefined): string | null {
  return utcIso(date)?.slice(0, 7) ?? null
}

/** The instants a month's part spans: from its first moment (UTC) to the next month's, exclusive. */
export function monthSpan(month: string): { from: Date; to: Date } {
  const [year, number] = month.split('-').map(Number) as [number, number]
  return { from: new Date(Date.UTC(year, number - 1, 1)), to: new Date(Date.UTC(year, number, 1)) }
}

/** What the index says of the parts: how many there are, and when those that can tell last changed. */
export interface SitemapSummary {
  /** The newest article's last update: when the home page last changed. */
  homeLastmod: string | null
  /** How many parts the authors collection fills. */
  authorParts: number
  /** Each month with a published article, oldest first, and the latest update among its articles. */
  articleMonths: PublishedMonth[]
}

export interface PublishedMonth {
  /** 'YYYY-MM' (UTC). */
  month: string
  lastmod: string | null
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
    ...summary.articleMonths.map(({ month, lastmod }) => entry({ kind: 'articles', month }, lastmod)),
  ]
}

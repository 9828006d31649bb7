import { describe, expect, it } from 'vitest'
import { monthOf, monthSpan, parseSitemapPart, sitemapIndexEntries, sitemapPartPath, type SitemapPart } from '@/lib/seo/sitemap-parts'
import { ORIGIN } from './support/reader-fixtures'

describe('sitemap part names', () => {
  const parts: [SitemapPart, string][] = [
    [{ kind: 'pages' }, '/sitemaps/pages.xml'],
    [{ kind: 'tags' }, '/sitemaps/tags.xml'],
    [{ kind: 'authors', page: 1 }, '/sitemaps/authors-1.xml'],
    [{ kind: 'articles', month: '2025-06' }, '/sitemaps/articles-2025-06.xml'],
    [{ kind: 'articles', month: '1998-12' }, '/sitemaps/articles-1998-12.xml'],
  ]

  it.each(parts)('%o is at %s, and that file name reads back', (part, path) => {
    expect(sitemapPartPath(part)).toBe(path)
    expect(parseSitemapPart(path.replace('/sitemaps/', ''))).toEqual(part)
  })

  it.each([
    'articles.xml',
    'articles-1.xml',
    'articles-2025.xml',
    'articles-2025-6.xml',
    'articles-2025-00.xml',
    'articles-2025-13.xml',
    'articles-2025-06-01.xml',
    'articles-25-06.xml',
    'articles-2025-06.xml.gz',
    'authors-0.xml',
    'authors-01.xml',
    'authors-1234567.xml',
    'authors.xml',
    'pages-1.xml',
    'tags-2.xml',
    'drafts-1.xml',
    '1.xml',
    '../sitemap.xml',
  ])('%s names no part', (file) => {
    expect(parseSitemapPart(file)).toBeNull()
  })
})

describe('sitemapIndexEntries', () => {
  it('lists pages, tags, each authors part and each articles part with its last update', () => {
    expect(
      sitemapIndexEntries(
        {
          homeLastmod: '2025-07-02T09:00:00.000Z',
          authorParts: 2,
          articleMonths: [
            { month: '2025-06', lastmod: '2025-06-01T00:00:00.000Z' },
            { month: '2025-07', lastmod: '2025-07-02T09:00:00.000Z' },
          ],
        },
        ORIGIN,
      ),
    ).toEqual([
      { loc: 'https://news.example/sitemaps/pages.xml', lastmod: '2025-07-02T09:00:00.000Z' },
      { loc: 'https://news.example/sitemaps/tags.xml', lastmod: undefined },
      { loc: 'https://news.example/sitemaps/authors-1.xml', lastmod: undefined },
      { loc: 'https://news.example/sitemaps/authors-2.xml', lastmod: undefined },
      { loc: 'https://news.example/sitemaps/articles-2025-06.xml', lastmod: '2025-06-01T00:00:00.000Z' },
      { loc: 'https://news.example/sitemaps/articles-2025-07.xml', lastmod: '2025-07-02T09:00:00.000Z' },
    ])
  })

  it('still lists the pages and tags of a site with nothing published', () => {
    expect(sitemapIndexEntries({ homeLastmod: null, authorParts: 0, articleMonths: [] }, ORIGIN).map((entry) => entry.loc)).toEqual([
      'https://news.example/sitemaps/pages.xml',
      'https://news.example/sitemaps/tags.xml',
    ])
  })
})

describe('an article’s month', () => {
  it.each([
    ['2025-06-01T08:00:00.000Z', '2025-06'],
    // UTC's month, whatever offset the date was written with.
    ['2025-06-30T23:30:00-02:00', '2025-07'],
    ['2025-07-01T00:30:00+02:00', '2025-06'],
    [new Date('1998-12-31T23:59:59.999Z'), '1998-12'],
  ])('%s is in %s', (date, month) => {
    expect(monthOf(date)).toBe(month)
  })

  it.each([null, undefined, '', 'not a date'])('%o is in none', (date) => {
    expect(monthOf(date)).toBeNull()
  })

  it('spans from the month’s first instant to the next month’s, December into January', () => {
    expect(monthSpan('2025-02')).toEqual({ from: new Date('2025-02-01T00:00:00.000Z'), to: new Date('2025-03-01T00:00:00.000Z') })
    expect(monthSpan('2025-12')).toEqual({ from: new Date('2025-12-01T00:00:00.000Z'), to: new Date('2026-01-01T00:00:00.000Z') })
  })

  it('is the month whose span holds the date, at either edge', () => {
    for (const iso of ['2024-02-01T00:00:00.000Z', '2024-02-29T23:59:59.999Z']) {
      const { from, to } = monthSpan(monthOf(iso)!)
      expect(from.getTime() <= Date.parse(iso) && Date.parse(iso) < to.getTime()).toBe(true)
    }
  })
})

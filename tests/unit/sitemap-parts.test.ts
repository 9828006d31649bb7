import { describe, expect, it } from 'vitest'
import { parseSitemapPart, sitemapIndexEntries, sitemapPartPath, type SitemapPart } from '@/lib/seo/sitemap-parts'
import { ORIGIN } from './support/reader-fixtures'

describe('sitemap part names', () => {
  const parts: [SitemapPart, string][] = [
    [{ kind: 'pages' }, '/sitemaps/pages.xml'],
    [{ kind: 'tags' }, '/sitemaps/tags.xml'],
    [{ kind: 'authors', page: 1 }, '/sitemaps/authors-1.xml'],
    [{ kind: 'articles', page: 12 }, '/sitemaps/articles-12.xml'],
  ]

  it.each(parts)('%o is at %s, and that file name reads back', (part, path) => {
    expect(sitemapPartPath(part)).toBe(path)
    expect(parseSitemapPart(path.replace('/sitemaps/', ''))).toEqual(part)
  })

  it.each([
    'articles.xml',
    'articles-0.xml',
    'articles-01.xml',
    'articles-1234567.xml',
    'articles-1.xml.gz',
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
        { homeLastmod: '2025-07-02T09:00:00.000Z', authorParts: 2, articleParts: ['2025-06-01T00:00:00.000Z', '2025-07-02T09:00:00.000Z'] },
        ORIGIN,
      ),
    ).toEqual([
      { loc: 'https://news.example/sitemaps/pages.xml', lastmod: '2025-07-02T09:00:00.000Z' },
      { loc: 'https://news.example/sitemaps/tags.xml', lastmod: undefined },
      { loc: 'https://news.example/sitemaps/authors-1.xml', lastmod: undefined },
      { loc: 'https://news.example/sitemaps/authors-2.xml', lastmod: undefined },
      { loc: 'https://news.example/sitemaps/articles-1.xml', lastmod: '2025-06-01T00:00:00.000Z' },
      { loc: 'https://news.example/sitemaps/articles-2.xml', lastmod: '2025-07-02T09:00:00.000Z' },
    ])
  })

  it('still lists the pages and tags of a site with nothing published', () => {
    expect(sitemapIndexEntries({ homeLastmod: null, authorParts: 0, articleParts: [] }, ORIGIN).map((entry) => entry.loc)).toEqual([
      'https://news.example/sitemaps/pages.xml',
      'https://news.example/sitemaps/tags.xml',
    ])
  })
})

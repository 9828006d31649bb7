import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import {
  NEWS_MAX_AGE_MS,
  NEWS_SITEMAP_LIMIT,
  SITEMAP_LIMIT,
  SITEMAP_PART_SIZE,
  articleSitemapEntry,
  buildNewsSitemap,
  buildSitemap,
  buildSitemapIndex,
  newsSitemapWindow,
  sitemapPartCount,
} from '@/lib/seo/sitemap'
import { ORIGIN, article } from './support/reader-fixtures'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  isArray: (name) => ['url', 'sitemap'].includes(name),
})

function parse(xml: string): Record<string, any> {
  expect(XMLValidator.validate(xml)).toBe(true)
  return parser.parse(xml) as Record<string, any>
}

describe('buildSitemap', () => {
  it('lists URLs with their last modification, escaped', () => {
    const xml = buildSitemap([
      { loc: 'https://news.example/' },
      { loc: 'https://news.example/tags/r-d?page=2&sort=new', lastmod: new Date('2025-06-30T12:30:00.000Z') },
      { loc: 'https://news.example/articles/x', lastmod: '2025-06-30T12:30:00.123Z' },
      { loc: 'https://news.example/sections/world', lastmod: '2025-06-30' },
    ])
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true)
    expect(xml).toContain('<loc>https://news.example/tags/r-d?page=2&amp;sort=new</loc>')
    expect(parse(xml).urlset.url).toEqual([
      { loc: 'https://news.example/' },
      { loc: 'https://news.example/tags/r-d?page=2&sort=new', lastmod: '2025-06-30T12:30:00Z' },
      { loc: 'https://news.example/articles/x', lastmod: '2025-06-30T12:30:00.123Z' },
      { loc: 'https://news.example/sections/world', lastmod: '2025-06-30' },
    ])
  })

  it('is a valid empty urlset', () => {
    expect(parse(buildSitemap([])).urlset).toMatchObject({ '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9' })
  })

  it('refuses relative or non-http URLs, unreadable dates and oversize sitemaps', () => {
    expect(() => buildSitemap([{ loc: '/articles/x' }])).toThrow(TypeError)
    expect(() => buildSitemap([{ loc: 'javascript:alert(1)' }])).toThrow(TypeError)
    expect(() => buildSitemap([{ loc: 'https://news.example/', lastmod: 'yesterday' }])).toThrow(RangeError)
    const tooMany = Array.from({ length: SITEMAP_LIMIT + 1 }, () => ({ loc: 'https://news.example/' }))
    expect(() => buildSitemap(tooMany)).toThrow(RangeError)
  })
})

describe('buildSitemapIndex', () => {
  it('lists sitemap files', () => {
    const xml = buildSitemapIndex([
      { loc: 'https://news.example/sitemap/0.xml', lastmod: new Date('2025-06-30T00:00:00Z') },
      { loc: 'https://news.example/sitemap/1.xml' },
    ])
    const parsed = parse(xml)
    expect(parsed.sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(parsed.sitemapindex.sitemap).toEqual([
      { loc: 'https://news.example/sitemap/0.xml', lastmod: '2025-06-30T00:00:00Z' },
      { loc: 'https://news.example/sitemap/1.xml' },
    ])
  })
})

describe('sitemapPartCount', () => {
  it.each([
    [0, 0],
    [1, 1],
    [SITEMAP_PART_SIZE, 1],
    [SITEMAP_PART_SIZE + 1, 2],
    [3 * SITEMAP_PART_SIZE, 3],
  ])('%i URLs fill %i part(s)', (total, parts) => {
    expect(sitemapPartCount(total)).toBe(parts)
  })

  it('takes another part size and refuses nonsense', () => {
    expect(sitemapPartCount(25, 10)).toBe(3)
    expect(() => sitemapPartCount(-1)).toThrow(RangeError)
    expect(() => sitemapPartCount(1.5)).toThrow(RangeError)
  })

  it('keeps a part well under the most one sitemap may list', () => {
    expect(SITEMAP_PART_SIZE).toBeLessThanOrEqual(SITEMAP_LIMIT)
  })
})

describe('articleSitemapEntry', () => {
  it('gives the canonical URL and last update, or null without a slug', () => {
    expect(articleSitemapEntry(article(), ORIGIN)).toEqual({
      loc: 'https://news.example/articles/ceasefire-holds-in-damascus-suburbs',
      lastmod: '2025-06-30T12:30:00.000Z',
    })
    expect(articleSitemapEntry(article({ slug: null }), ORIGIN)).toBeNull()
  })
})

describe('buildNewsSitemap', () => {
  const now = new Date('2025-07-02T10:00:00.000Z')
  const options = { origin: ORIGIN, publicationName: 'Masthead & Co', language: 'en', now }

  it('lists the last two days of articles, newest first, as Google News expects', () => {
    const xml = buildNewsSitemap(
      [
        article({ slug: 'older', title: 'Older', publishedAt: '2025-06-30T09:59:59.000Z' }),
        article({ slug: 'edge', title: 'Exactly two days', publishedAt: '2025-06-30T10:00:00.000Z' }),
        article({ slug: 'today', title: 'Tom & Jerry <3 "quotes"', publishedAt: '2025-07-02T09:00:00.000Z' }),
        article({ slug: 'future', title: 'Embargoed', publishedAt: '2025-07-02T10:00:01.000Z' }),
        article({ slug: null, title: 'No slug', publishedAt: '2025-07-02T09:00:00.000Z' }),
        article({ slug: 'draftish', title: 'No date', publishedAt: null }),
      ],
      options,
    )
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    const parsed = parse(xml)
    expect(parsed.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(parsed.urlset.url).toEqual([
      {
        loc: 'https://news.example/articles/today',
        'news:news': {
          'news:publication': { 'news:name': 'Masthead & Co', 'news:language': 'en' },
          'news:publication_date': '2025-07-02T09:00:00Z',
          'news:title': 'Tom & Jerry <3 "quotes"',
        },
      },
      {
        loc: 'https://news.example/articles/edge',
        'news:news': {
          'news:publication': { 'news:name': 'Masthead & Co', 'news:language': 'en' },
          'news:publication_date': '2025-06-30T10:00:00Z',
          'news:title': 'Exactly two days',
        },
      },
    ])
  })

  it(`stops at ${NEWS_SITEMAP_LIMIT} articles, keeping the newest`, () => {
    const many = Array.from({ length: NEWS_SITEMAP_LIMIT + 5 }, (_, i) =>
      article({ slug: `a-${i}`, publishedAt: new Date(now.getTime() - i * 60_000).toISOString() }),
    )
    const urls = parse(buildNewsSitemap(many.reverse(), options)).urlset.url as { loc: string }[]
    expect(urls).toHaveLength(NEWS_SITEMAP_LIMIT)
    expect(urls[0]?.loc).toBe('https://news.example/articles/a-0')
    expect(urls.at(-1)?.loc).toBe(`https://news.example/articles/a-${NEWS_SITEMAP_LIMIT - 1}`)
  })

  it('is a valid empty urlset when nothing is recent', () => {
    expect(parse(buildNewsSitemap([article()], { ...options, now: new Date('2026-01-01T00:00:00Z') })).urlset.url).toBeUndefined()
  })
})

describe('newsSitemapWindow', () => {
  it('covers the two days up to now, widened to whole hours', () => {
    expect(newsSitemapWindow(new Date('2025-07-02T10:42:13.500Z'))).toEqual({
      from: new Date('2025-06-30T10:00:00.000Z'),
      to: new Date('2025-07-02T11:00:00.000Z'),
    })
  })

  it('is the same all hour long, and always holds the exact two days', () => {
    const start = new Date('2025-07-02T10:00:00.000Z')
    const end = new Date('2025-07-02T10:59:59.999Z')
    expect(newsSitemapWindow(end)).toEqual(newsSitemapWindow(start))
    for (const now of [start, end]) {
      const { from, to } = newsSitemapWindow(now)
      expect(from.getTime()).toBeLessThanOrEqual(now.getTime() - NEWS_MAX_AGE_MS)
      expect(to.getTime()).toBeGreaterThan(now.getTime())
    }
  })
})

import { describe, expect, it } from 'vitest'
import { articleEntries, authorEntries, pageEntries, tagEntries } from '@/lib/seo/sitemap-urls'
import { ORIGIN, article, author } from './support/reader-fixtures'

describe('sitemap entries', () => {
  it('give home the last change and list the sections', () => {
    expect(pageEntries(ORIGIN, '2025-07-02T09:00:00.000Z', ['world', 'politics'])).toEqual([
      { loc: 'https://news.example/', lastmod: '2025-07-02T09:00:00.000Z' },
      { loc: 'https://news.example/sections/world' },
      { loc: 'https://news.example/sections/politics' },
    ])
  })

  it('give articles their canonical URL and last update, skipping any without a slug', () => {
    expect(articleEntries([article(), article({ slug: null })], ORIGIN)).toEqual([
      { loc: 'https://news.example/articles/ceasefire-holds-in-damascus-suburbs', lastmod: '2025-06-30T12:30:00.000Z' },
    ])
  })

  it('give authors their profile URL and last update, skipping any without a slug', () => {
    expect(authorEntries([author(), author({ slug: null })], ORIGIN)).toEqual([
      { loc: 'https://news.example/authors/ahmed-mohammed', lastmod: '2025-06-01T00:00:00.000Z' },
    ])
  })

  it('give each tag its page', () => {
    expect(tagEntries(['middle-east', 'r-d'], ORIGIN)).toEqual([
      { loc: 'https://news.example/tags/middle-east' },
      { loc: 'https://news.example/tags/r-d' },
    ])
  })
})

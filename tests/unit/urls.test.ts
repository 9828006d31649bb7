import { describe, expect, it } from 'vitest'
import { absoluteUrl, articleUrl, authorUrl } from '@/lib/content/urls'
import { ORIGIN } from './support/reader-fixtures'

describe('absoluteUrl', () => {
  it.each([
    [ORIGIN, '/api/media/file/x.webp', 'https://news.example/api/media/file/x.webp'],
    [`${ORIGIN}//`, '/feed.xml', 'https://news.example/feed.xml'],
    [ORIGIN, 'logo.png', 'https://news.example/logo.png'],
    [ORIGIN, 'https://cdn.example/x.webp', 'https://cdn.example/x.webp'],
    [ORIGIN, 'HTTP://cdn.example/x.webp', 'HTTP://cdn.example/x.webp'],
  ])('%s + %s is %s', (origin, path, url) => expect(absoluteUrl(origin, path)).toBe(url))
})

describe('articleUrl / authorUrl', () => {
  it('builds the canonical URLs, percent-encoding slugs in any script', () => {
    expect(articleUrl(ORIGIN, { slug: 'ceasefire-holds' })).toBe('https://news.example/articles/ceasefire-holds')
    expect(articleUrl(ORIGIN, { slug: 'وقف-إطلاق-النار' })).toBe(`https://news.example/articles/${encodeURIComponent('وقف-إطلاق-النار')}`)
    expect(authorUrl(ORIGIN, { slug: 'ahmed-mohammed' })).toBe('https://news.example/authors/ahmed-mohammed')
  })

  it('is null without a slug', () => {
    expect(articleUrl(ORIGIN, { slug: null })).toBeNull()
    expect(articleUrl(ORIGIN, { slug: '' })).toBeNull()
    expect(authorUrl(ORIGIN, {} as { slug: string })).toBeNull()
  })
})

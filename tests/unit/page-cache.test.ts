import { describe, expect, it } from 'vitest'
import { PageCache } from '@/server/page-cache'
import { renderedPage } from '@/server/page-reply'

const page = (html: string, status = 200) => renderedPage({ status, text: html, tags: [], gzip: false })
const html = (found: { body: Uint8Array } | undefined) => (found ? Buffer.from(found.body).toString() : undefined)

describe('PageCache', () => {
  it('serves what was stored, until one of its tags is invalidated', () => {
    const cache = new PageCache(1_000)
    cache.set('/articles/a', page('A'), ['article:a', 'articles:latest'], cache.begin())
    cache.set('/authors/x', page('X'), ['author:1'], cache.begin())
    expect(cache.get('/articles/a')).toEqual(page('A'))

    cache.invalidate(['articles:latest'])
    expect(cache.get('/articles/a')).toBeUndefined()
    expect(cache.get('/authors/x')).toEqual(page('X'))
  })

  it('refuses a page rendered from content read before one of its tags was invalidated', () => {
    const cache = new PageCache(1_000)
    const begun = cache.begin()
    cache.invalidate(['article:a']) // an editor unpublishes while the page is rendering
    expect(cache.set('/articles/a', page('old A'), ['article:a'], begun)).toBe(false)
    expect(cache.get('/articles/a')).toBeUndefined()
    // Other tags are unaffected, and a render begun after the change is kept.
    expect(cache.set('/authors/x', page('X'), ['author:1'], begun)).toBe(true)
    expect(cache.set('/articles/a', page('new A'), ['article:a'], cache.begin())).toBe(true)
    expect(html(cache.get('/articles/a'))).toBe('new A')
  })

  it('says which content read since a begin() is outdated', () => {
    const cache = new PageCache(1_000)
    const begun = cache.begin()
    expect(cache.outdated(['article:a'], begun)).toBe(false)
    cache.invalidate(['article:a'])
    expect(cache.outdated(['author:1', 'article:a'], begun)).toBe(true)
    expect(cache.outdated(['author:1'], begun)).toBe(false)
    expect(cache.outdated(['article:a'], cache.begin())).toBe(false)
  })

  it('keeps 404s too, dropped when the missing content appears', () => {
    const cache = new PageCache(1_000)
    cache.set('/articles/soon', page('Not found', 404), ['article:soon'], cache.begin())
    expect(cache.get('/articles/soon')?.status).toBe(404)
    cache.invalidate(['article:soon'])
    expect(cache.get('/articles/soon')).toBeUndefined()
  })

  it('drops the least recently used pages past its size, and replaces a page in place', () => {
    const cache = new PageCache(10)
    cache.set('/a', page('aaaa'), [], cache.begin())
    cache.set('/b', page('bbbb'), [], cache.begin())
    cache.get('/a') // /b is now the least recently used
    cache.set('/c', page('cccc'), [], cache.begin())
    expect(cache.get('/b')).toBeUndefined()
    expect(html(cache.get('/a'))).toBe('aaaa')
    expect(html(cache.get('/c'))).toBe('cccc')

    cache.set('/a', page('AA'), [], cache.begin())
    expect(cache.size).toBe(2)
    expect(html(cache.get('/a'))).toBe('AA')
  })

  it('does not keep a page larger than the whole cache', () => {
    const cache = new PageCache(3)
    expect(cache.set('/big', page('too big'), [], cache.begin())).toBe(false)
    expect(cache.size).toBe(0)
  })
})

describe('PageCache entries that move with the clock', () => {
  it('stops serving a page at its expiresAt, and keeps its content type', () => {
    const cache = new PageCache(1_000)
    const later = Date.now() + 60_000
    cache.set('/news-sitemap.xml', { ...page('<urlset/>'), contentType: 'application/xml', expiresAt: later }, [], cache.begin())
    expect(cache.get('/news-sitemap.xml')?.contentType).toBe('application/xml')
    cache.set('/gone.xml', { ...page('<urlset/>'), expiresAt: Date.now() - 1 }, [], cache.begin())
    expect(cache.get('/gone.xml')).toBeUndefined()
    expect(cache.size).toBe(1)
  })
})

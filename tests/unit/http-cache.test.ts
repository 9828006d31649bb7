import { describe, expect, it } from 'vitest'
import { defaultCacheControl, encodedETag, hasSessionCookie, noneMatch, sharedCacheControl, SHARED_PAGE, strongETag } from '@/server/http-cache'

describe('SHARED_PAGE', () => {
  it('lets shared caches keep a page and browsers revalidate it, and serve it stale only on errors', () => {
    expect(SHARED_PAGE).toMatch(/^public, /)
    expect(SHARED_PAGE).toContain('max-age=0')
    expect(SHARED_PAGE).toMatch(/s-maxage=\d{7,}/)
    expect(SHARED_PAGE).toMatch(/stale-if-error=\d+/)
    // must-revalidate would forbid stale-if-error; stale-while-revalidate would show a purged page again.
    expect(SHARED_PAGE).not.toMatch(/must-revalidate|stale-while-revalidate/)
  })
})

describe('sharedCacheControl', () => {
  it('lets shared caches keep a page that goes stale by itself only until then', () => {
    const now = Date.parse('2026-12-01T08:00:00Z')
    expect(sharedCacheControl(undefined, now)).toBe(SHARED_PAGE)
    expect(sharedCacheControl(now + 90_500, now)).toBe('public, max-age=0, s-maxage=91, stale-if-error=86400')
    expect(sharedCacheControl(now - 1, now)).toBe('public, max-age=0, s-maxage=0, stale-if-error=86400')
  })
})

describe('hasSessionCookie', () => {
  it('sees a Payload session or draft mode, wherever it is in the header', () => {
    expect(hasSessionCookie('payload-token=eyJ')).toBe(true)
    expect(hasSessionCookie('theme=dark; payload-token=eyJ; x=1')).toBe(true)
    expect(hasSessionCookie('theme=dark;__prerender_bypass=abc')).toBe(true)
  })

  it('ignores other cookies, look-alikes and nothing', () => {
    expect(hasSessionCookie('theme=dark; _ga=GA1.2')).toBe(false)
    expect(hasSessionCookie('not-payload-token=1; payload-token-old=2')).toBe(false)
    expect(hasSessionCookie('x=payload-token=1')).toBe(false)
    expect(hasSessionCookie('')).toBe(false)
    expect(hasSessionCookie(undefined)).toBe(false)
  })
})

describe('ETags', () => {
  const body = Buffer.from('<!DOCTYPE html><h1>Grain</h1>')

  it('are strong, quoted, the same for the same bytes and different for others', () => {
    expect(strongETag(body)).toMatch(/^"[A-Za-z0-9_-]{22}"$/)
    expect(strongETag(Buffer.from(body))).toBe(strongETag(body))
    expect(strongETag(Buffer.from('<!DOCTYPE html><h1>Grain!</h1>'))).not.toBe(strongETag(body))
  })

  it('name the gzipped and the brotli copy apart from the plain one and from each other', () => {
    expect(encodedETag('"abc"', 'gzip')).toBe('"abc-gz"')
    expect(encodedETag('"abc"', 'br')).toBe('"abc-br"')
  })

  it('match If-None-Match lists, weakly, and *', () => {
    const etag = strongETag(body)
    expect(noneMatch(etag, etag)).toBe(true)
    expect(noneMatch(`W/${etag}`, etag)).toBe(true)
    expect(noneMatch(`"a", ${etag} ,"b"`, etag)).toBe(true)
    expect(noneMatch('*', etag)).toBe(true)
    expect(noneMatch('"a", W/"b"', etag)).toBe(false)
    expect(noneMatch(etag.slice(1, -1), etag)).toBe(false)
    expect(noneMatch('', etag)).toBe(false)
    expect(noneMatch(null, etag)).toBe(false)
  })
})

describe('defaultCacheControl', () => {
  it('keeps the admin, the API and previews out of shared caches', () => {
    for (const url of ['/admin', '/admin/collections/articles', '/api/articles?limit=1', '/api/graphql', '/api/users/me', '/preview?slug=x', '/preview/exit']) {
      expect(defaultCacheControl(url, undefined), url).toBe('private, no-store')
    }
  })

  it('lets browsers, and only browsers, keep uploaded files a while', () => {
    expect(defaultCacheControl('/api/media/file/damascus-400x300.webp', undefined)).toBe('private, max-age=3600')
  })

  it('keeps anything answered to a session private', () => {
    expect(defaultCacheControl('/feed.xml', 'payload-token=abc')).toBe('private, no-store')
  })

  it('says nothing for reader paths that only look alike, nor for anonymous readers', () => {
    for (const url of ['/', '/articles/api-keys-leak', '/administration', '/apis', '/previews', '/feed.xml']) {
      expect(defaultCacheControl(url, 'theme=dark'), url).toBeNull()
    }
  })
})

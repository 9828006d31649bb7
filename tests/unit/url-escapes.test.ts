import { describe, expect, it } from 'vitest'
import { hasMalformedPathEscape } from '@/server/url-escapes'

describe('hasMalformedPathEscape', () => {
  it.each(['/articles/%D9%85%D8', '/%ZZ', '/a%', '/%E0%A4%A?x=1', '/api/articles/%C0%AF'])('finds a broken escape in %j', (url) => {
    expect(hasMalformedPathEscape(url)).toBe(true)
  })
  it.each(['/', '/articles/talks', `/articles/${encodeURIComponent('محادثات-هادئة')}`, '/100%25', '/search?q=%ZZ', '/a#%ZZ'])('accepts %j', (url) => {
    expect(hasMalformedPathEscape(url)).toBe(false)
  })
})

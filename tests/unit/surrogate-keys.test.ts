import { expect, it } from 'vitest'
import { TAGS } from '@/lib/content/cache-tags'
import { SITE_KEY, surrogateKey, surrogateKeyHeader } from '@/server/surrogate-keys'

it('keeps short plain tags as they are', () => {
  expect(surrogateKey(TAGS.latest)).toBe('articles:latest')
  expect(surrogateKey(TAGS.author(12))).toBe('author:12')
  expect(surrogateKey(TAGS.article('port-strike'))).toBe('article:port-strike')
})

it('hashes long tags and tags in any script to 17 ASCII characters, the same every time', () => {
  const long = TAGS.article('trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact')
  for (const tag of [long, TAGS.article('مفاوضات-الدوحة'), TAGS.tag('a b'), 'article:x;y']) {
    expect(surrogateKey(tag)).toMatch(/^h[0-9a-f]{16}$/)
    expect(surrogateKey(tag)).toBe(surrogateKey(tag))
  }
  expect(surrogateKey(long)).not.toBe(surrogateKey(`${long}-2`))
  // A hashed key has no colon, every kept tag has one: they cannot collide.
  expect(surrogateKey(long)).not.toContain(':')
})

it('writes a page’s keys once each, space-separated, after the site-wide key', () => {
  expect(surrogateKeyHeader(['articles:latest', 'author:3', 'articles:latest'])).toBe(`${SITE_KEY} articles:latest author:3`)
  expect(surrogateKeyHeader([])).toBe(SITE_KEY)
  expect(surrogateKeyHeader([TAGS.tag('ملف')])).toMatch(/^masthead h[0-9a-f]{16}$/)
})

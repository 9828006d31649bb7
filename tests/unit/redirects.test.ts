import { describe, expect, it } from 'vitest'
import { locationOf, normalizePath, normalizeTarget, parseRedirectCsv, redirectProblem, requestPath } from '@/lib/content/redirects'
import { pageReply, renderedPage } from '@/server/page-reply'

const ORIGIN = 'https://news.example'

describe('normalizePath', () => {
  it('stores paths decoded, NFC, without a trailing slash', () => {
    expect(normalizePath('/articles/%D9%85%D8%AD/')).toEqual({ path: '/articles/مح' })
    expect(normalizePath('/Cafe\u0301')).toEqual({ path: '/Café' })
    expect(normalizePath('/')).toEqual({ path: '/' })
  })
  it.each([
    ['articles/x', 'must start with a single "/"'],
    ['//evil.example', 'must start with a single "/"'],
    ['/a b', 'space'],
    ['/\\evil.example', 'backslash'],
    ['/a?b=1', 'query string'],
    [`/${'a'.repeat(2001)}`, 'longer than 2000'],
  ])('refuses %j', (value, message) => {
    expect((normalizePath(value) as { error: string }).error).toContain(message)
  })
  it('matches a request path however it was encoded', () => {
    expect(requestPath('/articles/%d9%85%d8%ad')).toBe('/articles/مح')
    expect(requestPath('/%E0%A4%A')).toBe('/%E0%A4%A')
  })
})

describe('normalizeTarget', () => {
  it('keeps site paths (with a query) and http(s) URLs elsewhere', () => {
    expect(normalizeTarget('/search?q=a%26b#top', ORIGIN)).toEqual({ to: '/search?q=a%26b' })
    expect(normalizeTarget('https://archive.example/x y', ORIGIN)).toEqual({ error: expect.stringContaining('not an http(s) URL') })
    expect(normalizeTarget('https://archive.example/ä', ORIGIN)).toEqual({ to: 'https://archive.example/%C3%A4' })
  })
  it('turns a URL of the site itself into its path', () => {
    expect(normalizeTarget('https://news.example/articles/x/', ORIGIN)).toEqual({ to: '/articles/x' })
  })
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '//evil.example', '/\\evil.example', 'mailto:a@b.c', 'http://', 'evil.example'])(
    'refuses %j',
    (value) => {
      expect(normalizeTarget(value, ORIGIN)).toHaveProperty('error')
    },
  )
})

describe('locationOf', () => {
  it('percent-encodes site paths and non-ASCII in queries, and leaves URLs as they are', () => {
    expect(locationOf('/articles/محادثات-هادئة')).toBe(`/articles/${encodeURIComponent('محادثات-هادئة')}`)
    expect(locationOf('/100%-sure')).toBe('/100%25-sure')
    expect(locationOf('/search?q=a%26b&t=سوريا')).toBe(`/search?q=a%26b&t=${encodeURIComponent('سوريا')}`)
    expect(locationOf('https://archive.example/%C3%A4')).toBe('https://archive.example/%C3%A4')
  })
  it('goes out as the Location of a cached redirect', () => {
    const page = { ...renderedPage({ status: 308, text: '', tags: [], gzip: false }), location: '/articles/x' }
    const reply = pageReply(page, { storage: 'shared', cache: 'HIT', acceptEncoding: null })
    expect(reply.headers).toContainEqual(['Location', '/articles/x'])
  })
})

describe('redirectProblem', () => {
  it('allows one hop', () => {
    expect(redirectProblem({ from: '/a', to: '/b' }, null, null)).toBeNull()
    expect(redirectProblem({ from: '/a', to: 'https://x.example/a' }, null, null)).toBeNull()
  })
  it('names a loop, a chain either way, and a redirect to itself', () => {
    expect(redirectProblem({ from: '/b', to: '/a' }, { from: '/a', to: '/b' }, { from: '/a', to: '/b' })).toBe(
      'Loop: /b → /a → /b. Remove the redirect from /a first.',
    )
    expect(redirectProblem({ from: '/a', to: '/b?x=1' }, { from: '/b', to: '/c' }, null)).toBe(
      'Chain: /b already redirects to /c. Point /a straight at /c.',
    )
    expect(redirectProblem({ from: '/b', to: '/c' }, null, { from: '/a', to: '/b' })).toBe(
      'Chain: /a already redirects to /b. Point /a at /c instead, or remove it.',
    )
    expect(redirectProblem({ from: '/a', to: '/a' }, null, null)).toBe('/a would redirect to itself.')
  })
})

describe('parseRedirectCsv', () => {
  it('reads from,to[,status] lines, each on its own, naming the broken ones', () => {
    const rows = parseRedirectCsv(['from,to,status', '/a,/b', '"/c,d",https://x.example,301', '', '/e,"/f', '/g', '/h,/i,200', '/j,/k,308,extra', '/l,/m,302'].join('\r\n'))
    expect(rows).toEqual([
      { line: 2, from: '/a', to: '/b', status: '308' },
      { line: 3, from: '/c,d', to: 'https://x.example', status: '301' },
      { line: 5, error: expect.stringMatching(/^not valid CSV: Quote Not Closed/) },
      { line: 6, error: 'expected from,to[,status]: a path and where it goes' },
      { line: 7, error: 'status "200" is not one of 301, 302, 307, 308' },
      { line: 8, error: 'expected from,to[,status], found 4 fields' },
      { line: 9, from: '/l', to: '/m', status: '302' },
    ])
  })
})

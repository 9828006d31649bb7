import { describe, expect, it } from 'vitest'
import { foreignOrigin } from '@/lib/security/csrf'

const options = { cookieName: 'payload-token', allowed: ['https://news.example'] }
const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) })
const cookie = 'theme=dark; payload-token=abc'

describe('foreignOrigin', () => {
  it('names the origin of a cookie-carrying write from another site', () => {
    expect(foreignOrigin(request('POST', { cookie, origin: 'http://evil.example' }), options)).toBe('http://evil.example')
    expect(foreignOrigin(request('DELETE', { cookie, origin: 'null' }), options)).toBe('null')
    expect(foreignOrigin(request('PATCH', { cookie, referer: 'http://evil.example/page?x=1' }), options)).toBe('http://evil.example')
    expect(foreignOrigin(request('PUT', { cookie, 'sec-fetch-site': 'cross-site' }), options)).toBe('another site')
  })

  it('lets writes from our own origin through', () => {
    expect(foreignOrigin(request('POST', { cookie, origin: 'https://news.example' }), options)).toBeNull()
    expect(foreignOrigin(request('POST', { cookie, referer: 'https://news.example/admin/collections/articles' }), options)).toBeNull()
  })

  it('does not judge what cannot be forged or carries no session', () => {
    expect(foreignOrigin(request('GET', { cookie, origin: 'http://evil.example' }), options)).toBeNull()
    expect(foreignOrigin(request('POST', { origin: 'http://evil.example' }), options)).toBeNull()
    expect(foreignOrigin(request('POST', { cookie: 'my-payload-token=1', origin: 'http://evil.example' }), options)).toBeNull()
    expect(foreignOrigin(request('POST', { cookie, origin: 'http://evil.example', authorization: 'JWT x' }), options)).toBeNull()
    // No Origin, no Referer: not a browser; Payload itself then ignores the cookie.
    expect(foreignOrigin(request('POST', { cookie }), options)).toBeNull()
  })
})

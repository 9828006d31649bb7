import { afterEach, describe, expect, it, vi } from 'vitest'
import { arrivedOverHttps, secureCookiesOverHttps, withSecure } from '@/lib/security/secure-cookies'

describe('secure cookies', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  it('knows a request that arrived over HTTPS from the proxy’s header', () => {
    expect(arrivedOverHttps(new Headers({ 'X-Forwarded-Proto': 'https' }))).toBe(true)
    expect(arrivedOverHttps(new Headers({ 'X-Forwarded-Proto': 'HTTPS, http' }))).toBe(true)
    expect(arrivedOverHttps(new Headers({ 'X-Forwarded-Proto': 'http' }))).toBe(false)
    expect(arrivedOverHttps(new Headers())).toBe(false)
  })

  it('adds Secure once', () => {
    expect(withSecure('payload-token=abc; Path=/; HttpOnly')).toBe('payload-token=abc; Path=/; HttpOnly; Secure')
    expect(withSecure('payload-token=abc; Secure; Path=/')).toBe('payload-token=abc; Secure; Path=/')
  })

  it('rewrites only the cookies of HTTPS requests, keeping status, body and other headers', async () => {
    const handler = secureCookiesOverHttps(async () => {
      const headers = new Headers({ 'X-Other': '1' })
      headers.append('Set-Cookie', 'a=1; Path=/')
      headers.append('Set-Cookie', 'b=2; Path=/')
      return new Response('body', { status: 201, headers })
    })
    const https = await handler(new Request('http://x/', { headers: { 'X-Forwarded-Proto': 'https' } }), {})
    expect(https.status).toBe(201)
    expect(await https.text()).toBe('body')
    expect(https.headers.get('x-other')).toBe('1')
    expect(https.headers.getSetCookie()).toEqual(['a=1; Path=/; Secure', 'b=2; Path=/; Secure'])
    const http = await handler(new Request('http://x/'), {})
    expect(http.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
  })

  it('makes the session cookie Secure whenever SITE_URL is https', async () => {
    vi.stubEnv('SITE_URL', 'https://news.example')
    expect((await import('@/collections/Users')).Users.auth).toMatchObject({ cookies: { secure: true } })
    vi.resetModules()
    vi.stubEnv('SITE_URL', 'http://localhost:3000')
    expect((await import('@/collections/Users')).Users.auth).toMatchObject({ cookies: { secure: false } })
  }, 60_000)
})

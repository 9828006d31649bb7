import { expect, test } from '@playwright/test'
import { SEEDED_URL } from './support/seeded'

test('every response says nosniff and a referrer policy; reader pages carry a CSP', async ({ request }) => {
  for (const url of ['/', SEEDED_URL, '/feed.xml', '/no-such-page', '/api/articles?limit=1', '/admin/login']) {
    const headers = (await request.get(url)).headers()
    expect(headers['x-content-type-options'], url).toBe('nosniff')
    expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin')
    expect(headers['x-powered-by'], url).toBeUndefined()
  }
  const csp = (await request.get(SEEDED_URL)).headers()['content-security-policy']
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("object-src 'none'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("script-src 'none'")
})

test("Payload's colour-scheme client hints stay in the admin", async ({ request }) => {
  for (const url of ['/', SEEDED_URL]) {
    const headers = (await request.get(url)).headers()
    expect(headers['accept-ch'], url).toBeUndefined()
    expect(headers['critical-ch'], url).toBeUndefined()
    expect(headers.vary ?? '', url).not.toContain('Sec-CH-Prefers-Color-Scheme')
  }
  expect((await request.get('/admin/login')).headers()['accept-ch']).toBe('Sec-CH-Prefers-Color-Scheme')
})

test('reader 404s that merely start like the admin get the reader CSP, frame protection included', async ({ request }) => {
  for (const url of ['/admin-x', '/administrator', '/administrator/login', '/api-docs']) {
    const response = await request.get(url)
    expect(response.status(), url).toBe(404)
    const csp = response.headers()['content-security-policy'] ?? ''
    expect(csp, url).toContain("script-src 'none'")
    expect(csp, url).toContain("frame-ancestors 'none'")
  }
})

test('the admin cannot be framed', async ({ request }) => {
  const headers = (await request.get('/admin/login')).headers()
  expect(headers['content-security-policy']).toBe("frame-ancestors 'none'")
  expect(headers['x-frame-options']).toBe('DENY')
})

test('uploaded files are served with nosniff and a sandboxing CSP', async ({ request }) => {
  const { docs } = await (await request.get('/api/media?limit=1')).json()
  const response = await request.get(docs[0].url)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^image\//)
  expect(response.headers()['x-content-type-options']).toBe('nosniff')
  expect(response.headers()['content-security-policy']).toMatch(/default-src 'none'.*sandbox/)

  // The same file through a percent-encoded path, which the router decodes: the same sandbox.
  const encoded = await request.get(docs[0].url.replace('/api/media/', '/api/%6dedia/'))
  expect(encoded.status()).toBe(200)
  expect(encoded.headers()['content-security-policy']).toMatch(/default-src 'none'.*sandbox/)
})

test('an upload file that does not exist is a 404, not a 500', async ({ request }) => {
  const response = await request.get('/api/media/file/no-such-photo.webp')
  expect(response.status()).toBe(404)
  expect((await response.json()).errors[0].message).toBe('There is no file named "no-such-photo.webp".')
})

test('HSTS is sent only when the request came over HTTPS', async ({ request }) => {
  expect((await request.get('/')).headers()['strict-transport-security']).toBeUndefined()
  const secure = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } })
  expect(secure.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/)
})

test('the GraphQL playground is off in production', async ({ request }) => {
  expect((await request.get('/api/graphql-playground')).status()).toBe(404)
})

import { expect, it } from 'vitest'
import { acceptsGzip } from '@/server/accept-encoding'

it('accepts gzip when the client lists it, or everything, with a non-zero quality', () => {
  expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true)
  expect(acceptsGzip('br;q=1.0, GZIP;q=0.5')).toBe(true)
  expect(acceptsGzip('x-gzip')).toBe(true)
  expect(acceptsGzip('*')).toBe(true)
  expect(acceptsGzip('br, *;q=0.1')).toBe(true)
})

it('refuses gzip when it is excluded, not offered, or nothing is said', () => {
  expect(acceptsGzip('gzip;q=0')).toBe(false)
  expect(acceptsGzip('gzip;q=0.000, *')).toBe(false)
  expect(acceptsGzip('*;q=0')).toBe(false)
  expect(acceptsGzip('br, deflate')).toBe(false)
  expect(acceptsGzip('identity')).toBe(false)
  expect(acceptsGzip('')).toBe(false)
  expect(acceptsGzip(null)).toBe(false)
})

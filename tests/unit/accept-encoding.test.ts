import { expect, it } from 'vitest'
import { chooseEncoding } from '@/server/accept-encoding'

const both = ['br', 'gzip'] as const

it('sends brotli when the client takes it, at a quality no lower than gzip’s', () => {
  expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br')
  expect(chooseEncoding('BR;q=0.5, gzip;q=0.5', both)).toBe('br')
  expect(chooseEncoding('br, *;q=0.1', both)).toBe('br')
  expect(chooseEncoding('*', both)).toBe('br')
})

it('sends gzip when brotli is not taken, or taken less gladly', () => {
  expect(chooseEncoding('gzip, deflate', both)).toBe('gzip')
  expect(chooseEncoding('br;q=0.4, GZIP;q=0.5', both)).toBe('gzip')
  expect(chooseEncoding('x-gzip', both)).toBe('gzip')
  expect(chooseEncoding('br;q=0, *', both)).toBe('gzip')
  // Only what the page has (or the caller may send) is chosen.
  expect(chooseEncoding('gzip, br', ['gzip'])).toBe('gzip')
})

it('sends the plain bytes when nothing it has is accepted, or nothing is said', () => {
  expect(chooseEncoding('gzip;q=0, br;q=0.000', both)).toBeNull()
  expect(chooseEncoding('*;q=0', both)).toBeNull()
  expect(chooseEncoding('deflate, zstd', both)).toBeNull()
  expect(chooseEncoding('identity', both)).toBeNull()
  expect(chooseEncoding('br', ['gzip'])).toBeNull()
  expect(chooseEncoding('gzip;q=abc', both)).toBeNull()
  expect(chooseEncoding('', both)).toBeNull()
  expect(chooseEncoding(null, both)).toBeNull()
})

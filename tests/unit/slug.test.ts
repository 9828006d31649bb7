import { describe, expect, it } from 'vitest'
import { slugify, validateSlug } from '@/lib/slug'

describe('slugify', () => {
  it('makes the seeded headline into its slug', () => {
    expect(slugify('Trump Administration Holds Quiet Talks to Broker Israeli-Syrian Security Pact')).toBe(
      'trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact',
    )
  })
  it('folds accents, drops apostrophes and collapses punctuation', () => {
    expect(slugify('  Müller’s “Café” — 1974 accord!  ')).toBe('mullers-cafe-1974-accord')
  })
  it('returns an empty string when nothing is left', () => {
    expect(slugify('—!?')).toBe('')
  })
})

describe('validateSlug', () => {
  it('accepts lowercase hyphenated slugs', () => {
    expect(validateSlug('ahmed-mohammed')).toBe(true)
  })
  it.each(['Ahmed', 'a--b', '-a', 'a b', 'é', ''])('rejects %j with a message', (slug) => {
    expect(validateSlug(slug)).toMatch(/slug/)
  })
})

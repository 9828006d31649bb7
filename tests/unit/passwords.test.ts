import { pbkdf2Sync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { passwordMatches, passwordProblem } from '@/lib/security/passwords'
import { clientAddress, RateLimiter } from '@/lib/security/rate-limit'

describe('passwordProblem', () => {
  it('refuses short, common and guessable passwords', () => {
    for (const password of ['abc', '1234567', 'password', 'password1234', 'qwertyuiop123', 'aaaaaaaaaaaaaaaa']) {
      expect(passwordProblem(password), password).not.toBeNull()
    }
    expect(passwordProblem('abc')).toMatch(/at least 12 characters/)
    expect(passwordProblem('password1234')).toMatch(/too easy to guess/)
    expect(passwordProblem('zeina.khodr@masthead.test', ['zeina.khodr@masthead.test'])).toMatch(/too easy to guess/)
  })
  it('accepts long, uncommon ones', () => {
    for (const password of ['correct horse battery staple', 'tangerine-voltage-harbour-92', 'Gx7#kq2!Lm9@wz']) {
      expect(passwordProblem(password), password).toBeNull()
    }
  })
})

describe('passwordMatches', () => {
  it('checks Payload’s current and legacy hashes', async () => {
    const salt = 'a1b2c3'
    const current = `pbkdf2-sha256-v1:${pbkdf2Sync('right one', salt, 600_000, 32, 'sha256').toString('hex')}`
    const legacy = pbkdf2Sync('right one', salt, 25_000, 512, 'sha256').toString('hex')
    expect(await passwordMatches('right one', { hash: current, salt })).toBe(true)
    expect(await passwordMatches('wrong one', { hash: current, salt })).toBe(false)
    expect(await passwordMatches('right one', { hash: legacy, salt })).toBe(true)
    expect(await passwordMatches('right one', {})).toBe(false)
  })
})

describe('RateLimiter', () => {
  it('allows `limit` attempts per window, then says how long to wait', () => {
    const limiter = new RateLimiter(3, 60_000)
    const now = 1_000_000
    expect([1, 2, 3].map(() => limiter.hit('k', now).allowed)).toEqual([true, true, true])
    expect(limiter.hit('k', now + 15_000)).toEqual({ allowed: false, retryAfter: 45 })
    expect(limiter.hit('other', now).allowed).toBe(true)
    expect(limiter.hit('k', now + 60_000).allowed).toBe(true)
  })
})

describe('clientAddress', () => {
  it('takes the address our proxy appended, not what the client claims', () => {
    expect(clientAddress(new Headers({ 'X-Forwarded-For': '6.6.6.6, 203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientAddress(new Headers({ 'X-Real-IP': '198.51.100.4' }))).toBe('198.51.100.4')
    expect(clientAddress(new Headers())).toBe('unknown')
  })
})

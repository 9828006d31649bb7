import { APIError, AuthenticationError, type CollectionBeforeOperationHook, type CollectionSlug, type PayloadRequest } from 'payload'
import { hasRole } from '@/access/roles'
import { passwordMatches, passwordProblem, spendPasswordCheck } from '@/lib/security/passwords'
import { clientAddress, RateLimiter } from '@/lib/security/rate-limit'
import { refusal } from '@/lib/security/refusal'

/**
 * The doors into an account, before Payload opens them: rate limits on logging in and asking for a
 * password reset (per account and per client address), one answer and one duration for a wrong
 * password, an unknown e-mail and a locked account, and the password rules on every new password.
 */

// Generous for a person, useless for a guessing script. In memory, per process (see README).
const LIMITS = {
  login: { account: new RateLimiter(10, 10 * 60_000), address: new RateLimiter(30, 60_000) },
  forgotPassword: { account: new RateLimiter(3, 60 * 60_000), address: new RateLimiter(10, 60 * 60_000) },
}

type Data = Record<string, unknown>
const emailOf = (data: Data) => (typeof data.email === 'string' ? data.email.toLowerCase().trim() : '')

export const guardAccounts: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const data = ((args as { data?: Data }).data ?? {}) as Data
  if (operation === 'login' || operation === 'forgotPassword') throttle(req, operation, emailOf(data))
  if (operation === 'login') await refuseUnknownOrLocked(req, emailOf(data), data.password)
  if ((operation === 'create' || operation === 'update' || operation === 'resetPassword') && typeof data.password === 'string') {
    const problem = passwordProblem(data.password, [emailOf(data), typeof data.name === 'string' ? data.name : ''])
    if (problem) throw refusal(collection.slug, [{ path: 'password', message: problem }], req)
    if (operation === 'update') await requireCurrentPassword(req, collection.slug, (args as { id?: number | string }).id, data)
  }
  return args
}

function throttle(req: PayloadRequest, kind: keyof typeof LIMITS, email: string) {
  // The server's own calls (seed, tests' set-up) are not clients.
  if (req.payloadAPI === 'local') return
  const checks = [
    [LIMITS[kind].account, `account:${email}`],
    [LIMITS[kind].address, `address:${clientAddress(req.headers)}`],
  ] as const
  for (const [limiter, key] of checks) {
    const result = limiter.hit(key)
    if (result.allowed) continue
    // Payload adds these to its error response.
    req.responseHeaders = new Headers({ 'Retry-After': String(result.retryAfter) })
    throw new APIError(`Too many attempts. Try again in ${result.retryAfter} seconds.`, 429, null, true)
  }
}

/**
 * Payload answers an unknown e-mail at once, without hashing, and a locked account with "This user
 * is locked": both told an attacker which e-mails have accounts. Both now get Payload's answer to a
 * wrong password ("The email or password provided is incorrect."), after the same hashing work.
 */
async function refuseUnknownOrLocked(req: PayloadRequest, email: string, password: unknown) {
  if (!email || typeof password !== 'string' || password === '') return // Payload's own "required" errors
  const user = await req.payload.db.findOne<{ id: number | string; lockUntil?: string | null }>({ collection: 'users', where: { email: { equals: email } }, req })
  const locked = Boolean(user?.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
  if (user && !locked) return
  await spendPasswordCheck(password)
  throw new AuthenticationError(req.t)
}

/** Changing your own password takes your current one; an admin resetting someone else's does not. */
async function requireCurrentPassword(req: PayloadRequest, slug: CollectionSlug, id: number | string | undefined, data: Data) {
  const user = req.user
  if (!user) return // the server's own change (Local API without a user)
  const someoneElse = id !== undefined && String(id) !== String(user.id)
  if (someoneElse && hasRole(user, 'admin')) return
  const stored = await req.payload.db.findOne<{ id: number | string; hash?: unknown; salt?: unknown }>({ collection: slug, where: { id: { equals: user.id } }, req })
  const current = typeof data.currentPassword === 'string' ? data.currentPassword : ''
  if (current !== '' && stored && (await passwordMatches(current, stored))) return
  const message = current === '' ? 'Enter your current password to change it.' : 'Your current password is not correct.'
  throw refusal(slug, [{ path: 'currentPassword', message }], req)
}

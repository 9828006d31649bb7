import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import * as common from '@zxcvbn-ts/language-common'

export const MIN_PASSWORD_LENGTH = 12
// zxcvbn's 0–4: 3 is "safely unguessable: moderate protection from offline slow-hash scenario".
const MIN_SCORE = 3

// Built on the first password checked, not at start: ranking its dictionaries takes ~0.1 s, which
// every process (the server, each `npm run seed`) would otherwise spend booting (bench:startup).
let zxcvbn: ZxcvbnFactory | undefined
const strength = () => (zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }))

/**
 * Why the password is refused, or null when it may be used: at least 12 characters, and not
 * guessable (common passwords, keyboard walks, repeats, the account's own name or e-mail).
 */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Passwords must be at least ${MIN_PASSWORD_LENGTH} characters long.`
  if (strength().check(password, userInputs.filter(Boolean)).score >= MIN_SCORE) return null
  return 'This password is too easy to guess (common, a pattern, or made of your name or e-mail): choose a longer, less common one, e.g. several unrelated words.'
}

const pbkdf2Async = promisify(pbkdf2)

// Payload's own hash formats (payload/dist/auth/strategies/local/generatePasswordSaltHash.js): the
// current one, prefixed, and the legacy one. Verified here the same way, in constant time.
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const hashParameters = (hash: string) =>
  hash.startsWith(CURRENT_PREFIX)
    ? { hex: hash.slice(CURRENT_PREFIX.length), iterations: 600_000, keyLength: 32 }
    : { hex: hash, iterations: 25_000, keyLength: 512 }

/** Whether the password matches the stored hash and salt of an account. */
export async function passwordMatches(password: string, stored: { hash?: unknown; salt?: unknown }): Promise<boolean> {
  if (typeof stored.hash !== 'string' || typeof stored.salt !== 'string') return false
  const { hex, iterations, keyLength } = hashParameters(stored.hash)
  const computed = await pbkdf2Async(password, stored.salt, iterations, keyLength, 'sha256')
  const expected = Buffer.from(hex, 'hex')
  return computed.length === expected.length && timingSafeEqual(computed, expected)
}

/**
 * The work of checking a password, spent on nothing: a login for an unknown or locked account
 * takes as long as a real one, so the answer's timing does not tell which e-mails exist.
 */
export async function spendPasswordCheck(password: string): Promise<void> {
  await pbkdf2Async(password, DUMMY_SALT, 600_000, 32, 'sha256')
}
const DUMMY_SALT = randomBytes(32).toString('hex')

import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Values that have appeared in examples and templates: a server must never run with one. */
const KNOWN_WEAK_SECRETS = new Set([
  'secret',
  'changeme',
  'change-me',
  'payload',
  'your-secret-here',
  'YOUR_SECRET_HERE',
  'development',
  'dev-secret',
  'masthead-development-secret',
])

export const MIN_SECRET_LENGTH = 32

/**
 * The secret Payload signs sessions with. Production demands a real one from `PAYLOAD_SECRET`;
 * development generates one once and keeps it in `data/` (git-ignored) so logins survive restarts.
 */
export function resolvePayloadSecret(options: {
  env: string | undefined
  production: boolean
  dataDir: string
}): string {
  const { env, production, dataDir } = options
  if (env) {
    if (production && (KNOWN_WEAK_SECRETS.has(env) || env.length < MIN_SECRET_LENGTH)) {
      throw new Error(
        `PAYLOAD_SECRET is too weak for production: use at least ${MIN_SECRET_LENGTH} random characters (e.g. \`openssl rand -hex 32\`), not a known example value.`,
      )
    }
    return env
  }
  if (production) {
    throw new Error(
      'PAYLOAD_SECRET is not set. In production Masthead refuses to start without it: set it to at least 32 random characters (e.g. `openssl rand -hex 32`).',
    )
  }
  return readOrCreateSecretFile(path.join(dataDir, 'payload-secret'))
}

export function readOrCreateSecretFile(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

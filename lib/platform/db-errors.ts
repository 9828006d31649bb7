/**
 * Whether an error means "the database cannot be reached right now" (as opposed to a bad request or
 * a bug), whichever adapter raised it. Drivers and GraphQL wrap errors, so the chain of causes
 * (`cause`, GraphQL's `originalError`) is followed.
 */
const CODES = /^(SQLITE_(CANTOPEN|IOERR|NOTADB|CORRUPT|BUSY|READONLY|FULL)|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)/
const NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoServerClosedError',
  'MongooseServerSelectionError',
])
const MESSAGES = /cannot connect to|client is closed|unable to open database|disk I\/O error|file is not a database|database is locked|connection (was )?closed|server selection timed out/i

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  for (let current = error; current && typeof current === 'object' && !seen.has(current); ) {
    seen.add(current)
    const { code, name, message, cause, originalError } = current as {
      code?: unknown
      name?: unknown
      message?: unknown
      cause?: unknown
      originalError?: unknown
    }
    if (typeof code === 'string' && CODES.test(code)) return true
    if (typeof name === 'string' && NAMES.has(name)) return true
    if (typeof message === 'string' && MESSAGES.test(message)) return true
    current = cause ?? originalError
  }
  return false
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The newsroom database cannot be reached right now. Nothing was changed; please try again in a moment.'

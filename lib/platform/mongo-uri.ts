/**
 * The same MongoDB server and options, another database: how the test suites give each run (or each
 * test file) a fresh database of its own, dropped afterwards, instead of the one DATABASE_URI names.
 */
export function withDatabaseName(uri: string, name: string): string {
  const url = new URL(uri)
  url.pathname = `/${name}`
  return url.toString()
}

export function isMongoUri(uri: string | undefined): uri is string {
  return /^mongodb(\+srv)?:\/\//.test(uri?.trim() ?? '')
}

/** A database name no earlier run used: `<prefix>_<time>_<random>` (MongoDB allows 63 characters). */
export function freshDatabaseName(prefix: string, now = Date.now(), random = Math.random()): string {
  return `${prefix}_${now.toString(36)}_${random.toString(36).slice(2, 8)}`
}

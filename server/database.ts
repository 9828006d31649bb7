/**
 * Reads `DATABASE_URI` into the one decision the config makes: which adapter, and with what URL.
 * Pure, so that the rule (and its error message) is unit-tested without starting anything.
 */
export type DatabaseChoice =
  | { kind: 'sqlite'; url: string; file: string }
  | { kind: 'mongodb'; url: string; replicaSet: boolean }

export const ACCEPTED_DATABASE_URIS =
  'unset (SQLite file under data/), "file:<path>" (SQLite), "mongodb://…" or "mongodb+srv://…" (MongoDB)'

export function chooseDatabase(uri: string | undefined, defaultSqliteFile: string): DatabaseChoice {
  const value = uri?.trim()
  if (!value) return { kind: 'sqlite', url: `file:${defaultSqliteFile}`, file: defaultSqliteFile }
  if (value.startsWith('file:')) {
    // `file:relative/path`, `file:/absolute/path` and `file:///absolute/path` all name a file.
    const file = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0] ?? ''
    if (file === '') throw new Error(`DATABASE_URI "file:" names no file. Accepted: ${ACCEPTED_DATABASE_URIS}.`)
    return { kind: 'sqlite', url: value, file }
  }
  if (value.startsWith('mongodb://') || value.startsWith('mongodb+srv://')) {
    // Transactions need a replica set; a standalone server rejects them, so they follow the URI.
    const replicaSet = /[?&]replicaSet=[^&]+/.test(value) || value.startsWith('mongodb+srv://')
    return { kind: 'mongodb', url: value, replicaSet }
  }
  throw new Error(
    `DATABASE_URI is set to "${redact(value)}", which Masthead cannot use. Accepted: ${ACCEPTED_DATABASE_URIS}.`,
  )
}

/**
 * The SQLite file used when DATABASE_URI is unset. One for every command (`npm start`, `npm run
 * seed`, `npm run migrate`, `payload run` scripts, the benches), so that what one writes the others
 * serve. Only the development server (`next dev`, NODE_ENV=development) keeps a file of its own: it
 * pushes schema changes straight into its database, which `migrate` could not trust afterwards.
 */
export function defaultSqliteFile(dataDir: string, nodeEnv: string | undefined): string {
  return `${dataDir.replace(/\/+$/, '')}/${nodeEnv === 'development' ? 'masthead-dev.db' : 'masthead.db'}`
}

/** Schema pushed from the config (no migrations): the development server, and tests' throwaway databases. */
export function pushesSchema(nodeEnv: string | undefined): boolean {
  return nodeEnv === 'development' || nodeEnv === 'test'
}

/** "SQLite data/masthead.db", "MongoDB mongodb://db:27017/masthead": what a command says it wrote to. */
export function describeDatabase(choice: DatabaseChoice, cwd: string): string {
  if (choice.kind === 'mongodb') return `MongoDB ${redact(choice.url).split('?')[0]}`
  const relative = choice.file.startsWith(`${cwd}/`) ? choice.file.slice(cwd.length + 1) : choice.file
  return `SQLite ${relative}`
}

/** Keeps passwords out of error messages and logs. */
function redact(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}

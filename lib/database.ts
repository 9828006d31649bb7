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

/** Keeps passwords out of error messages and logs. */
function redact(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}

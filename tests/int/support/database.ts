import { inject, it, type TestFunction } from 'vitest'
import { isMongoUri } from '@/lib/platform/mongo-uri'

/**
 * Which database the integration suite runs on: the `int:mongodb-standin` project's stand-in
 * (tests/mongo-standin), else the run's DATABASE_URI (a real MongoDB server, or SQLite when unset).
 */
export const standinUri: string | undefined = inject('mongoStandinUri')
export const onMongoStandin = standinUri !== undefined

export function baseDatabaseUri(): string {
  return standinUri ?? process.env.MASTHEAD_TEST_DATABASE_URI ?? process.env.DATABASE_URI ?? ''
}

/** What the stand-in is not able to do that a MongoDB server does (see tests/mongo-standin/standin.ts). */
export type StandinLimitation =
  | 'enforce unique indexes'
  | 'roll back a transaction'
  | "isolate a transaction's uncommitted writes"
  | 'plan queries (explain)'
  | 'run $text search queries'

/**
 * A test that needs what the stand-in cannot do (when `needed`): on the stand-in it is reported as
 * skipped, with the limitation in its name; on SQLite and on a MongoDB server it runs as written.
 */
export function unlessStandinCannot(limitation: StandinLimitation, needed = true) {
  return (name: string, fn: TestFunction, timeout?: number) =>
    onMongoStandin && needed ? it.skip(`${name} [not on the MongoDB stand-in: it cannot ${limitation}]`, fn) : it(name, fn, timeout)
}

/** Whether documents have MongoDB ids (ObjectId strings, 24 hex characters) rather than SQLite's numbers. */
export const onMongo = isMongoUri(baseDatabaseUri())

/** An id as a GraphQL literal: SQLite's numbers bare (`Int`), MongoDB's ObjectId strings quoted (`String`). */
export function graphqlId(id: number | string): string {
  return JSON.stringify(id)
}

/**
 * An id no document has, well formed for the adapter (`n` itself on SQLite; on MongoDB an ObjectId
 * string, as a number is not an id there at all): for tests of a reference to something missing.
 */
export function missingId(n: number): number | string {
  return onMongo ? n.toString(16).padStart(24, '0') : n
}

import { inject, it, type TestFunction } from 'vitest'

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
export type StandinLimitation = 'enforce unique indexes' | 'roll back a transaction' | 'plan queries (explain)'

/**
 * A test that needs what the stand-in cannot do (when `needed`): on the stand-in it is reported as
 * skipped, with the limitation in its name; on SQLite and on a MongoDB server it runs as written.
 */
export function unlessStandinCannot(limitation: StandinLimitation, needed = true) {
  return (name: string, fn: TestFunction, timeout?: number) =>
    onMongoStandin && needed ? it.skip(`${name} [not on the MongoDB stand-in: it cannot ${limitation}]`, fn) : it(name, fn, timeout)
}

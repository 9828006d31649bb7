import Database from 'libsql'

/*
 * One prepared statement per SQL text and SQLite connection, reused, instead of one per query.
 *
 * @libsql/client prepares every statement it runs anew (`db.prepare(sql)` on each execute), and
 * libsql frees a statement's native memory (~3.4 KB) only when V8's full garbage collection
 * reclaims the small JS object that holds it. V8 does not count that memory, so a process whose
 * JavaScript heap is steady runs few full collections and its resident set grows between them:
 * the importer held 1.6 GB at 14,000 articles (tursodatabase/libsql-js#153). Reusing the statement
 * also spares SQLite the parse (~6 % of an import's time).
 *
 * Safe to share: libsql runs a statement synchronously to its end (the client never leaves one
 * half-read), binds each call's values afresh and resets it before each run. A statement prepared
 * before a schema change may report the old columns, so one that changes the schema empties its
 * connection's cache, and is never kept itself.
 */

/** Statements kept per connection, least recently used dropped first (Payload's queries are a few hundred texts at most). */
export const STATEMENTS_PER_CONNECTION = 256

const SCHEMA_CHANGE = /^\s*(?:CREATE|ALTER|DROP)\b/i

type Statement = ReturnType<Database.Database['prepare']>
const caches = new WeakMap<object, Map<string, Statement>>()
let installed = false

/** Makes every libsql connection of this process reuse its prepared statements (idempotent). */
export function reusePreparedStatements(): void {
  if (installed) return
  installed = true
  const prototype = (Database as unknown as { prototype: Database.Database }).prototype
  const prepare = prototype.prepare
  prototype.prepare = function reusedPrepare(this: Database.Database, sql: string): Statement {
    let cache = caches.get(this)
    if (SCHEMA_CHANGE.test(sql)) {
      cache?.clear()
      return prepare.call(this, sql)
    }
    if (!cache) caches.set(this, (cache = new Map()))
    let statement = cache.get(sql)
    // A Map keeps insertion order: taking the entry out and back in makes it the most recent.
    if (statement) cache.delete(sql)
    else statement = prepare.call(this, sql)
    cache.set(sql, statement)
    if (cache.size > STATEMENTS_PER_CONNECTION) cache.delete(cache.keys().next().value!)
    return statement
  } as Database.Database['prepare']
}

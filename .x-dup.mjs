import { createClient } from '@libsql/client'
const c = createClient({ url: ':memory:' })
await c.execute("CREATE VIRTUAL TABLE t USING fts5(a, content='', contentless_delete=1)")
await c.execute("CREATE TABLE d (id INTEGER PRIMARY KEY, x)")
await c.execute("INSERT INTO t (rowid, a) VALUES (1, 'x')")
await c.execute("INSERT INTO d (id, x) VALUES (1, 'x')")
for (const sql of ["INSERT INTO t (rowid, a) VALUES (1, 'y')", "INSERT INTO d (id, x) VALUES (1, 'y')"]) {
  try { await c.batch([sql], 'write'); console.log('no error', sql) } catch (e) { console.log(e.code, e.rawCode, e.message, e.cause?.code) }
}

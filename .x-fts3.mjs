import { createClient } from '@libsql/client'
const c = createClient({ url: 'file:/tmp/prof1/x.db' })
for (const sql of ['DELETE FROM libsql_search_authors WHERE article = 5', 'DELETE FROM libsql_search_documents WHERE id = 5', 'DELETE FROM libsql_search_text WHERE rowid = 5']) {
  const { rows } = await c.execute('EXPLAIN QUERY PLAN ' + sql); console.log(sql, rows.map(r => r.detail))
}
console.log((await c.execute('select count(*) n from libsql_search_authors')).rows)

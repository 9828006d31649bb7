import { createClient } from '@libsql/client'
const c = createClient({ url: 'file:/tmp/prof1/x.db' })
const { rows } = await c.execute('SELECT id, original FROM libsql_search_documents ORDER BY id DESC LIMIT 400')
const docs = rows.map((r, i) => ({ id: 20_000_000 + i, ...JSON.parse(r.original) }))
for (const [name, opts] of [['p23', "prefix = '2 3',"], ['none', ''], ['p2', "prefix='2',"], ['p3', "prefix='3',"]]) {
  await c.execute(`DROP TABLE IF EXISTS t_${name}`)
  await c.execute(`CREATE VIRTUAL TABLE t_${name} USING fts5(headline, standfirst, body, extra, content='', contentless_delete=1, ${opts} tokenize='unicode61 remove_diacritics 2')`)
  for (let round = 0; round < 2; round++) {
    const t = performance.now()
    await c.batch(docs.map((d) => ({ sql: `INSERT INTO t_${name} (rowid, headline, standfirst, body, extra) VALUES (?,?,?,?,?)`, args: [d.id + round * 1000, d.headline, d.standfirst, d.body, d.extra] })), 'write')
    console.log(name, round, ((performance.now() - t) / docs.length).toFixed(3), 'ms/doc')
  }
  await c.execute(`DROP TABLE t_${name}`)
}
const t = performance.now()
await c.execute('CREATE INDEX IF NOT EXISTS xa ON libsql_search_authors (article)')
console.log('index', performance.now() - t)
const t2 = performance.now()
await c.batch(docs.map((d) => ({ sql: 'DELETE FROM libsql_search_authors WHERE article = ?', args: [d.id] })), 'write')
console.log('delete authors with index', ((performance.now() - t2) / docs.length).toFixed(3))
await c.execute('DROP INDEX xa')
const t3 = performance.now()
await c.batch(docs.map((d) => ({ sql: 'DELETE FROM libsql_search_authors WHERE article = ?', args: [d.id] })), 'write')
console.log('delete authors without index', ((performance.now() - t3) / docs.length).toFixed(3))

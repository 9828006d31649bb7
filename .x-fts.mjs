import { createClient } from '@libsql/client'
const c = createClient({ url: 'file:/tmp/prof1/x.db' })
const { rows } = await c.execute('SELECT id, section, published_at, original FROM libsql_search_documents ORDER BY id DESC LIMIT 200')
console.log('docs', rows.length, 'avg chars', rows.reduce((s, r) => s + String(r.original).length, 0) / rows.length)
const base = 10_000_000
const docs = rows.map((r, i) => ({ id: base + i, ...JSON.parse(r.original), section: r.section, published_at: r.published_at, original: r.original }))
async function time(label, make) {
  const t = performance.now()
  await c.batch(docs.flatMap(make), 'write')
  console.log(label, ((performance.now() - t) / docs.length).toFixed(3), 'ms/doc')
}
await time('delete text (absent)', (d) => [{ sql: 'DELETE FROM libsql_search_text WHERE rowid = ?', args: [d.id] }])
await time('delete docs+authors (absent)', (d) => [{ sql: 'DELETE FROM libsql_search_documents WHERE id = ?', args: [d.id] }, { sql: 'DELETE FROM libsql_search_authors WHERE article = ?', args: [d.id] }])
await time('insert text', (d) => [{ sql: 'INSERT INTO libsql_search_text (rowid, headline, standfirst, body, extra) VALUES (?,?,?,?,?)', args: [d.id, d.headline, d.standfirst, d.body, d.extra] }])
await time('insert documents', (d) => [{ sql: 'INSERT INTO libsql_search_documents (id, section, published_at, original) VALUES (?,?,?,?)', args: [d.id, d.section, d.published_at, d.original] }])
await time('delete text (present)', (d) => [{ sql: 'DELETE FROM libsql_search_text WHERE rowid = ?', args: [d.id] }])

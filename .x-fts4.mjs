import { createClient } from '@libsql/client'
const c = createClient({ url: 'file:/tmp/prof1/x.db' })
const { rows } = await c.execute('SELECT id, section, published_at, original FROM libsql_search_documents ORDER BY id DESC LIMIT 200')
const T = 'libsql_search_text', D = 'libsql_search_documents', A = 'libsql_search_authors'
let base = 30_000_000
const variants = {
  current: (d) => [
    { sql: `DELETE FROM ${T} WHERE rowid = ?`, args: [d.id] }, { sql: `DELETE FROM ${D} WHERE id = ?`, args: [d.id] }, { sql: `DELETE FROM ${A} WHERE article = ?`, args: [d.id] },
    { sql: `INSERT INTO ${T} (rowid, headline, standfirst, body, extra) VALUES (?,?,?,?,?)`, args: [d.id, d.headline, d.standfirst, d.body, d.extra] },
    { sql: `INSERT INTO ${D} (id, section, published_at, original) VALUES (?,?,?,?)`, args: [d.id, d.section, d.published_at, d.original] },
    { sql: `INSERT OR IGNORE INTO ${A} (author, article) VALUES (?, ?)`, args: ['7', d.id] }],
  replace: (d) => [
    { sql: `DELETE FROM ${A} WHERE article = ?`, args: [d.id] },
    { sql: `INSERT OR REPLACE INTO ${T} (rowid, headline, standfirst, body, extra) VALUES (?,?,?,?,?)`, args: [d.id, d.headline, d.standfirst, d.body, d.extra] },
    { sql: `INSERT OR REPLACE INTO ${D} (id, section, published_at, original) VALUES (?,?,?,?)`, args: [d.id, d.section, d.published_at, d.original] },
    { sql: `INSERT OR IGNORE INTO ${A} (author, article) VALUES (?, ?)`, args: ['7', d.id] }],
  insertOnly: (d) => [
    { sql: `INSERT INTO ${T} (rowid, headline, standfirst, body, extra) VALUES (?,?,?,?,?)`, args: [d.id, d.headline, d.standfirst, d.body, d.extra] },
    { sql: `INSERT INTO ${D} (id, section, published_at, original) VALUES (?,?,?,?)`, args: [d.id, d.section, d.published_at, d.original] },
    { sql: `INSERT OR IGNORE INTO ${A} (author, article) VALUES (?, ?)`, args: ['7', d.id] }],
}
for (let round = 0; round < 3; round++) for (const [name, make] of Object.entries(variants)) {
  const docs = rows.map((r, i) => ({ id: base + i, ...JSON.parse(r.original), section: r.section, published_at: r.published_at, original: r.original }))
  base += 1000
  const t = performance.now()
  await c.batch(docs.flatMap(make), 'write')
  console.log(round, name, ((performance.now() - t) / docs.length).toFixed(3), 'ms/doc')
}
// replace over existing rows: correctness check
const id = base - 1000
await c.batch([{ sql: `INSERT OR REPLACE INTO ${T} (rowid, headline, standfirst, body, extra) VALUES (?,?,?,?,?)`, args: [id, 'zzqqxx unique', '', '', ''] }], 'write')
console.log('old words gone?', (await c.execute({ sql: `SELECT count(*) n FROM ${T} WHERE ${T} MATCH ? AND rowid = ?`, args: ['"' + JSON.parse(rows[199].original).headline.split(' ')[0].toLowerCase() + '"', id] })).rows, 'new found', (await c.execute({ sql: `SELECT rowid FROM ${T} WHERE ${T} MATCH 'zzqqxx'` })).rows)

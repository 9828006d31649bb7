import { createClient } from '@libsql/client'
const c = createClient({ url: 'file:/tmp/sm.db' })
await c.execute('DROP INDEX IF EXISTS x_cover')
await c.execute('CREATE INDEX IF NOT EXISTS articles_status_id_updated_at_idx ON articles (_status, id, updated_at, created_at)')
const t = async (label, sql, args = []) => { const s = performance.now(); const r = await c.execute({ sql, args }); return [performance.now() - s, r.rows[0]] }
const q = `SELECT id, updated_at FROM articles WHERE _status = 'published' AND id >= ? AND id < ? ORDER BY updated_at DESC, created_at DESC LIMIT 1`
console.log((await c.execute({ sql: 'EXPLAIN QUERY PLAN ' + q, args: [50000, 55000] })).rows.map(r => r.detail).join(' | '))
let total = 0
for (let p = 0; p < 20; p++) { const [ms] = await t('', q, [p * 5000 + 1, (p + 1) * 5000 + 1]); total += ms }
console.log('20 lastUpdates', total.toFixed(1), 'ms')
const w = `SELECT id FROM articles WHERE _status = 'published' AND id >= ? ORDER BY id LIMIT 1 OFFSET 5000`
console.log((await c.execute({ sql: 'EXPLAIN QUERY PLAN ' + w, args: [1] })).rows.map(r => r.detail).join(' | '))
total = 0; let from = 1
for (let p = 0; p < 20; p++) { const [ms, row] = await t('', w, [from]); total += ms; if (!row) break; from = Number(row.id) }
console.log('starts walk', total.toFixed(1), 'ms')

import { createClient } from '@libsql/client'
const c = createClient({ url: 'file:/tmp/prof1/leak.db' })
await c.execute('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)')
const big = 'x'.repeat(3000)
const mem = (l) => { const m = process.memoryUsage(); console.log(l, 'rss', (m.rss/2**20).toFixed(0), 'heapUsed', (m.heapUsed/2**20).toFixed(0), 'ext', (m.external/2**20).toFixed(0)) }
mem('start')
for (let round = 0; round < 5; round++) {
  for (let i = 0; i < 20000; i++) await c.execute({ sql: 'SELECT ? AS v, id FROM t LIMIT 1', args: [big] })
  mem('after ' + (round + 1) * 20000)
}
globalThis.gc?.(); await new Promise(r => setTimeout(r, 500)); mem('after gc')

import Database from 'libsql'
const db = new Database('/tmp/prof1/leak.db')
const big = 'x'.repeat(3000)
const mem = (l) => { const m = process.memoryUsage(); console.log(l, 'rss', (m.rss/2**20).toFixed(0), 'heapUsed', (m.heapUsed/2**20).toFixed(0)) }
const variant = process.argv[2]
mem('start ' + variant)
const once = db.prepare('SELECT ? AS v, id FROM t LIMIT 1')
for (let i = 0; i < 60000; i++) {
  if (variant === 'prepare-each') { const s = db.prepare('SELECT ? AS v, id FROM t LIMIT 1'); s.raw(true); s.all([big]) }
  else if (variant === 'prepare-each-noargs') { const s = db.prepare('SELECT 1 AS v, id FROM t LIMIT 1'); s.raw(true); s.all([]) }
  else if (variant === 'prepare-only') { db.prepare('SELECT ? AS v, id FROM t LIMIT 1') }
  else if (variant === 'once') { once.raw(true); once.all([big]) }
  else if (variant === 'columns') { const s = db.prepare('SELECT ? AS v, id FROM t LIMIT 1'); s.columns() }
}
globalThis.gc?.(); await new Promise(r => setTimeout(r, 300)); mem('end')

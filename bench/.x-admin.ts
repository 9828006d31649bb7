import Database from 'libsql'
import { getPayload } from 'payload'
import config from '../payload.config.ts'
const proto = (Database as any).prototype
const prepare = proto.prepare
let log = false
proto.prepare = function (sql: string) {
  const stmt = prepare.call(this, sql)
  if (!log) return stmt
  for (const m of ['all', 'run', 'get']) {
    const orig = stmt[m]
    if (orig.__w) continue
    const w = function (this: any, ...a: any[]) { const t = performance.now(); const r = orig.apply(this, a); const ms = performance.now() - t; if (log && ms > 1) console.log(ms.toFixed(1), 'ms', sql.slice(0, 20) + " … " + sql.slice(-500)); return r }
    ;(w as any).__w = true
    stmt[m] = w
  }
  return stmt
}
const payload = await getPayload({ config })
const which = process.argv.at(-1)
const { docs: [user] } = await payload.find({ collection: 'users', limit: 1, depth: 0 })
console.log('user roles', (user as any).roles)
for (let i = 0; i < 2; i++) {
  log = i === 1 && which !== 'ranges-quiet'
  const t = performance.now()
  for (const sort of ['-publishedAt', '-createdAt', '-updatedAt', undefined, 'title']) {
    const t0 = performance.now()
    if (which === 'admin') await payload.find({ collection: 'articles', sort, limit: 10, depth: 0, draft: true, overrideAccess: false, user })
    console.log('sort', sort, (performance.now() - t0).toFixed(1))
  }
  if (which === 'part') await payload.find({ collection: 'articles', where: { and: [{ _status: { equals: 'published' } }, { id: { greater_than_equal: 95001 } }] }, sort: 'id', limit: 5000, pagination: false, depth: 0, overrideAccess: false, select: { slug: true, updatedAt: true, publishedAt: true } })
  if (which === 'lists') {
    for (const [label, where, page] of [['home', {}, 1], ['deep', {}, 8334], ['section', { section: { equals: 'world' } }, 1], ['tag', { tagSlugs: { in: ['inflation'] } }, 1]] as const) {
      const t1 = performance.now()
      await payload.find({ collection: 'articles', where: { and: [{ _status: { equals: 'published' } }, where as any] }, sort: ['-publishedAt', '-id'], page, limit: 12, depth: 1, overrideAccess: false, select: { body: false } })
      console.log(label, (performance.now() - t1).toFixed(1))
    }
  }
  if (which === 'ranges') {
    const r = await import('../lib/content/sitemap-ranges.ts')
    const t1 = performance.now(); const docs = await r.articlesFrom(payload, 95001, 5000); console.log('articlesFrom', docs.length, (performance.now() - t1).toFixed(1), JSON.stringify(docs[0]))
    const t2 = performance.now(); let from: any; const starts = []; for (from = await r.idAfter(payload, undefined, 5000); from !== undefined; from = await r.idAfter(payload, from, 5000)) starts.push(from); console.log('starts', starts.length, (performance.now() - t2).toFixed(1))
    const t3 = performance.now(); const lm = await Promise.all([undefined, ...starts].map((f, i) => r.lastUpdate(payload, { from: f, to: starts[i] }))); console.log('lastUpdates', lm.length, (performance.now() - t3).toFixed(1), lm[0])
  }
  console.log(which, 'total', (performance.now() - t).toFixed(1), 'ms')
}
process.exit(0)

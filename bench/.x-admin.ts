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
    const w = function (this: any, ...a: any[]) { const t = performance.now(); const r = orig.apply(this, a); const ms = performance.now() - t; if (log && ms > 2) console.log(ms.toFixed(1), 'ms', sql.slice(0, 20) + " … " + sql.slice(-500)); return r }
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
  log = i === 1
  const t = performance.now()
  for (const sort of ['-publishedAt', '-createdAt', '-updatedAt', undefined, 'title']) {
    const t0 = performance.now()
    if (which === 'admin') await payload.find({ collection: 'articles', sort, limit: 10, depth: 0, draft: true, overrideAccess: false, user })
    console.log('sort', sort, (performance.now() - t0).toFixed(1))
  }
  if (which === 'part') await payload.find({ collection: 'articles', where: { and: [{ _status: { equals: 'published' } }, { id: { greater_than_equal: 95001 } }] }, sort: 'id', limit: 5000, pagination: false, depth: 0, overrideAccess: false, select: { slug: true, updatedAt: true, publishedAt: true } })
  console.log(which, 'total', (performance.now() - t).toFixed(1), 'ms')
}
process.exit(0)

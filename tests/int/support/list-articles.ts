/**
 * `payload run tests/int/support/list-articles.ts`: prints the slugs of the published articles of the
 * database this process chose, one per line after "articles:", as a reader-facing process sees them.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

const payload = await getPayload({ config })
const { docs } = await payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, pagination: false, depth: 0 })
console.log(`articles:\n${docs.map((doc) => doc.slug).join('\n')}`)
await payload.destroy()
process.exit(0)

/**
 * `payload run tests/int/support/edit-article.ts -- <slug> <standfirst>`: another process editing an
 * article through the Local API, as a script or an importer would, with nothing special done about
 * caches. Prints the time its update returned (ms since the epoch), for the test to measure latency.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

const [slug, standfirst] = process.argv.slice(2).filter((arg) => arg !== '--')
const payload = await getPayload({ config })
const { docs } = await payload.find({ collection: 'articles', where: { slug: { equals: slug } }, limit: 1, depth: 0 })
const article = docs[0]
if (!article) throw new Error(`no article "${slug}"`)
await payload.update({ collection: 'articles', id: article.id, data: { standfirst } })
console.log(`updated-at ${Date.now()}`)
await payload.destroy()
process.exit(0)

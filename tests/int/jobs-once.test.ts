import { afterAll, beforeAll, expect, it } from 'vitest'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

// Every server process runs Payload's job queue (jobs.autoRun): two runners on one database must not
// both pick up a due job. Here two runners race in one process, through the same database calls.
let t: TestPayload
beforeAll(async () => {
  t = await startPayload()
})
afterAll(async () => t?.cleanup())

it('a due scheduled publish runs exactly once when two runners poll at the same moment', async () => {
  await createUser(t.payload, ['admin'], 'admin')
  const editor = await createUser(t.payload, ['editor'], 'editor')
  const author = await createAuthor(t.payload)
  const story = await createArticle(t.payload, { title: 'Budget embargo lifts', authors: [author.id] }, 'draft')
  const job = await t.payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'articles', value: story.id }, user: { relationTo: 'users', value: editor.id } },
    waitUntil: new Date(Date.now() - 1000),
  })

  await Promise.all([t.payload.jobs.run(), t.payload.jobs.run(), t.payload.jobs.run()])

  expect((await t.payload.findByID({ collection: 'articles', id: story.id }))._status).toBe('published')
  const publishes = await t.payload.countVersions({ collection: 'articles', where: { and: [{ parent: { equals: story.id } }, { 'version._status': { equals: 'published' } }] } })
  expect(publishes.totalDocs).toBe(1)
  // Completed (Payload deletes a job once it completes), not failed nor left claimed.
  expect(await t.payload.findByID({ collection: 'payload-jobs', id: job.id, disableErrors: true })).toBeNull()
})

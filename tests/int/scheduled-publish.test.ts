import { afterAll, beforeAll, expect, it } from 'vitest'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startPayload()
})
afterAll(async () => t?.cleanup())

it('publishes a scheduled article when its time comes, as the editor who scheduled it', async () => {
  await createUser(t.payload, ['admin'], 'admin')
  const editor = await createUser(t.payload, ['editor'], 'editor')
  const author = await createAuthor(t.payload)
  const story = await createArticle(t.payload, { title: 'Embargoed until noon', authors: [author.id] }, 'draft')

  await t.payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'articles', value: story.id }, user: { relationTo: 'users', value: editor.id } },
    waitUntil: new Date(Date.now() + 60 * 60 * 1000),
  })
  // Not yet: the embargo holds.
  await t.payload.jobs.run()
  expect((await t.payload.findByID({ collection: 'articles', id: story.id }))._status).toBe('draft')

  await t.payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'articles', value: story.id }, user: { relationTo: 'users', value: editor.id } },
    waitUntil: new Date(Date.now() - 1000),
  })
  await t.payload.jobs.run()
  const published = await t.payload.findByID({ collection: 'articles', id: story.id })
  expect(published._status).toBe('published')
  expect(published.publishedAt).toBeTruthy()
})

it('does not let a writer’s scheduled publish through', async () => {
  const writer = await createUser(t.payload, ['writer'], 'writer')
  const author = await createAuthor(t.payload, 'Writer Byline')
  const story = await createArticle(t.payload, { title: 'Writer schedules', authors: [author.id], createdBy: writer.id }, 'draft')
  await t.payload.jobs.queue({
    task: 'schedulePublish',
    input: { type: 'publish', doc: { relationTo: 'articles', value: story.id }, user: { relationTo: 'users', value: writer.id } },
    waitUntil: new Date(Date.now() - 1000),
  })
  await t.payload.jobs.run()
  expect((await t.payload.findByID({ collection: 'articles', id: story.id }))._status).toBe('draft')
})

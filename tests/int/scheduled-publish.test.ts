import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { User } from '@/payload-types'
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

describe('the admin’s schedule-publish action', () => {
  /** Calls the action as the admin does, as `userId`. */
  async function schedulePublish(userId: User['id'], args: Record<string, unknown>) {
    const user = await t.payload.findByID({ collection: 'users', id: userId })
    const req = await createLocalReq({ user: { ...user, collection: 'users' } }, t.payload)
    const { adminServerFunctions } = await import('@/admin/server-functions')
    return adminServerFunctions['schedule-publish']({ ...args, req } as Parameters<(typeof adminServerFunctions)['schedule-publish']>[0])
  }
  /** The pending schedules of `articleId`, by type. */
  const schedules = async (articleId: unknown) =>
    (await t.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, pagination: false })).docs
      .map((job) => ({ id: job.id, ...(job.input as { type: string; doc?: { value?: unknown } }) }))
      .filter((job) => job.doc?.value === articleId)
      .map(({ id, type }) => ({ id, type }))

  it('lets an editor schedule, and refuses a writer who tries to cancel or add a schedule', async () => {
    const editor = await createUser(t.payload, ['editor'], 'scheduling-editor')
    const writer = await createUser(t.payload, ['writer'], 'meddling-writer')
    const author = await createAuthor(t.payload, 'Embargo Byline')
    const story = await createArticle(t.payload, { title: 'Embargoed budget', authors: [author.id] }, 'draft')
    const doc = { relationTo: 'articles', value: story.id }
    const date = new Date(Date.now() + 60 * 60 * 1000)

    expect(await schedulePublish(editor.id, { type: 'publish', doc, date })).toEqual({ message: expect.any(String) })
    const [job] = await schedules(story.id)
    expect(job).toMatchObject({ type: 'publish' })

    // Cancelling the editor's schedule (and putting an unpublish in its place), or adding one.
    await expect(schedulePublish(writer.id, { type: 'unpublish', doc, date, deleteID: job!.id })).rejects.toThrow(/not allowed/i)
    await expect(schedulePublish(writer.id, { type: 'publish', doc, date })).rejects.toThrow(/not allowed/i)
    expect(await schedules(story.id)).toEqual([job])

    // The editor may replace their schedule.
    await schedulePublish(editor.id, { type: 'unpublish', doc, date, deleteID: job!.id })
    expect(await schedules(story.id)).toEqual([{ id: expect.anything(), type: 'unpublish' }])
  })
})

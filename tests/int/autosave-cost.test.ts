import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Payload } from 'payload'
import type { Author } from '@/payload-types'
import { createArticle, createAuthor } from './support/fixtures'
import { loggedTags } from './support/invalidations'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let editor: { token: string }
let author: Author

beforeAll(async () => {
  t = await startPayload()
  await createUser(t.payload, ['admin'], 'admin')
  editor = await createUser(t.payload, ['editor'], 'editor')
  author = await createAuthor(t.payload, 'Lina Sinjab')
})
afterAll(async () => t?.cleanup())

/** Every read of the articles collection through the Local API (what the collection hooks use) while `run` runs. */
async function articleReads(payload: Payload, run: () => Promise<unknown>): Promise<string[]> {
  // spyOn calls through to the real methods; only the calls are recorded.
  const byId = vi.spyOn(payload, 'findByID')
  const find = vi.spyOn(payload, 'find')
  try {
    await run()
    const reads = (method: string, calls: { collection?: string; draft?: boolean }[][]) =>
      calls.filter(([args]) => args?.collection === 'articles').map(([args]) => `${method}(draft: ${String(args?.draft)})`)
    return [...reads('findByID', byId.mock.calls), ...reads('find', find.mock.calls)]
  } finally {
    byId.mockRestore()
    find.mockRestore()
  }
}

const autosave = (id: number, data: Record<string, unknown>) =>
  t.rest.patch(`/articles/${id}?draft=true&autosave=true`, { token: editor.token, body: { ...data, _status: 'draft' } })

describe('an autosave on a published article', () => {
  it('costs the change hooks no read of the article, and expires nothing', async () => {
    const story = await createArticle(t.payload, { title: 'Ceasefire holds', section: 'world', authors: [author.id] })
    const log = await loggedTags(t.payload)
    const reads = await articleReads(t.payload, async () => {
      const response = await autosave(story.id, { standfirst: 'Typing the next paragraph…' })
      expect(response.status).toBe(200)
    })
    expect(reads).toEqual([])
    expect(await log.since()).toEqual([])
    // The public article is as it was; the draft holds the edit.
    const published = await t.payload.findByID({ collection: 'articles', id: story.id, draft: false })
    expect(published.standfirst ?? null).toBeNull()
    const { docs: versions } = await t.payload.findVersions({ collection: 'articles', where: { parent: { equals: story.id } }, sort: '-updatedAt' })
    expect(versions[0]?.version.standfirst).toBe('Typing the next paragraph…')
  })

  it('costs a real edit one read of what readers saw, and one after commit for the search index', async () => {
    const story = await createArticle(t.payload, { title: 'Harbour reopens', section: 'business', authors: [author.id] })
    const log = await loggedTags(t.payload)
    const reads = await articleReads(t.payload, () =>
      t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { standfirst: 'Ships are back.' } }),
    )
    // Before: the stored article, for pages, photos and old URLs (hooks/stored-article.ts); after the
    // commit: the article as now published, for the search index (lib/search/sync.ts).
    expect(reads).toEqual(['findByID(draft: false)', 'findByID(draft: false)'])
    expect(await log.since()).toEqual(expect.arrayContaining([`article:${story.slug}`, 'section:business']))
  })

  it('still unpublishes when the draft status is written to the article itself', async () => {
    const story = await createArticle(t.payload, { title: 'Talks stall', authors: [author.id] })
    await autosave(story.id, { standfirst: 'A newer draft.' })
    const log = await loggedTags(t.payload)
    const response = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { _status: 'draft' } })
    expect(response.status).toBe(200)
    expect(await log.since()).toEqual(expect.arrayContaining([`article:${story.slug}`, 'articles:latest']))
    const { docs } = await t.payload.find({ collection: 'articles', where: { id: { equals: story.id } }, overrideAccess: false })
    expect(docs).toEqual([])
  })
})

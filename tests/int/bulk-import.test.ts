import { readdir, readlink } from 'node:fs/promises'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { searchEngine } from '@/lib/search'
import { paragraphsToLexical } from '@/lib/text/lexical'
import type { Article } from '@/payload-types'
import { type Batch, writeBatch } from '@/seed/importer/bulk'
import type { NewArticle } from '@/seed/importer/direct'
import { onMongo, unlessStandinCannot } from './support/database'
import { createUser, startPayload, type TestPayload } from './support/payload'

/*
 * The bulk path's write of new published articles (seed/importer/direct.ts) stores what the Local
 * API would, and keeps the importer's guarantees: all or nothing per piece, the search index, the
 * photos readers may see, redirects and the invalidation log in step.
 */

let t: TestPayload
let author: { id: number | string }
let photo: { id: number | string }
let editor: { id: number | string }

beforeAll(async () => {
  t = await startPayload()
  author = await t.payload.create({ collection: 'authors', data: { name: 'Layla Nasser' } })
  editor = await createUser(t.payload, ['editor'])
  const data = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 90, b: 160 } } }).jpeg().toBuffer()
  photo = await t.payload.create({
    collection: 'media',
    data: { alt: 'The harbour at dawn', caption: 'The harbour.', credit: { creator: 'Jane Roe', provider: 'AFP' } },
    file: { data, mimetype: 'image/jpeg', name: 'harbour.jpg', size: data.length },
  })
})
afterAll(async () => {
  await t?.cleanup()
})

const article = (n: number, over: Partial<NewArticle> = {}): NewArticle => ({
  title: `Harbour works begin in town ${n}`,
  slug: `harbour-works-begin-in-town-${n}`,
  standfirst: `Town ${n} starts on its harbour.`,
  authors: [author.id],
  leadImage: photo.id,
  body: paragraphsToLexical([`Work began in town ${n}.`, 'Officials said it would take a year.']),
  publishedAt: '2025-07-01T00:00:00.000Z',
  section: 'world',
  tags: ['Harbours', ' Trade '],
  dateline: 'Nairobi',
  ...over,
})

/** Writes the articles as one batch: queued in it, or (when the batch cannot be kept whole) each alone through the Local API. */
const writeArticles = (articles: readonly (NewArticle & { _status?: 'draft' })[]) =>
  writeBatch(t.payload, articles, async (data, batch?: Batch) => {
    if (batch?.articles) return batch.articles.add(data)
    const { _status, ...fields } = data
    const doc = await t.payload.create({ collection: 'articles', data: { ...fields, _status: _status ?? 'published' } as never, draft: _status === 'draft', depth: 0 })
    return doc.id
  })

const fellBack = (warn: { mock: { calls: unknown[][] } }) => warn.mock.calls.some(([line]) => String(line).includes('could not be written whole'))

beforeEach(async () => {
  await t.payload.delete({ collection: 'articles', where: { id: { exists: true } }, context: { disableRevalidate: true } })
  await t.payload.delete({ collection: 'redirects', where: { id: { exists: true } } })
  await t.payload.db.updateMany({ collection: 'media', where: { id: { exists: true } }, data: { shownToReaders: false } })
})

/** What two articles must have alike: everything but what names and dates each. */
function comparable(doc: Record<string, unknown>): Record<string, unknown> {
  const { id, title, slug, standfirst, body, createdAt, updatedAt, parent, ...rest } = doc
  // A move on the desk has its own row id and time.
  if (Array.isArray(rest.stageHistory)) rest.stageHistory = rest.stageHistory.map(({ id: _id, at: _at, ...move }) => move)
  return rest
}

describe.skipIf(onMongo)("the bulk path's SQLite connections", () => {
  const adapter = () => t.payload.db as unknown as { client: { execute(sql: string): Promise<{ rows: Record<string, unknown>[] }> }; busyTimeout: number; clientConfig: { url: string } }
  /** This process's open files on the test database (each SQLite connection holds the file, its WAL and shared memory). */
  const openDatabaseFiles = async () => {
    const file = adapter().clientConfig.url.replace(/^file:/, '')
    const fds = await readdir('/proc/self/fd')
    const targets = await Promise.all(fds.map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')))
    return targets.filter((target) => target.startsWith(file)).length
  }

  it('are the same after any number of batches (libsql would leave one open per transaction)', async () => {
    await writeArticles([article(901)])
    const before = await openDatabaseFiles()
    expect(before).toBeGreaterThan(0)
    for (let n = 0; n < 5; n++) await writeArticles([article(910 + n)])
    expect(await openDatabaseFiles()).toBe(before)
  })

  it("leave the adapter's connection settings in place", async () => {
    const { client, busyTimeout } = adapter()
    expect(busyTimeout).toBeGreaterThan(0)
    await writeArticles([article(921), article(922)])
    const { rows } = await client.execute('PRAGMA busy_timeout')
    expect(Object.values(rows[0] ?? {})).toEqual([busyTimeout])
  })
})

describe('new published articles written by the bulk path', () => {
  it.each([
    ['in the first stage', {}],
    ['further on the desk, assigned and due', { stage: 'editing', dueAt: '2025-07-02T09:00:00.000Z' }],
  ] as const)('are stored as the Local API stores them (%s): fields, defaults, derived fields and the first version', async (_, desk) => {
    const warn = vi.spyOn(t.payload.logger, 'warn')
    const extra: Partial<NewArticle> = 'stage' in desk ? { ...desk, assignee: editor.id } : {}
    const viaApi = await t.payload.create({ collection: 'articles', data: { ...article(1, extra), _status: 'published' } as never, draft: false, depth: 0 })
    const outcomes = await writeArticles([article(2, extra)])
    expect(fellBack(warn)).toBe(false)
    warn.mockRestore()
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true])
    const id = (outcomes[0] as { value: number | string }).value

    const read = (articleId: number | string) => t.payload.findByID({ collection: 'articles', id: articleId, depth: 0, draft: false })
    const [a, b] = [await read(viaApi.id), await read(id)]
    expect(b).toMatchObject({ title: 'Harbour works begin in town 2', slug: 'harbour-works-begin-in-town-2', _status: 'published', tags: ['Harbours', 'Trade'], tagSlugs: ['harbours', 'trade'] })
    expect(comparable(b as never)).toEqual(comparable(a as never))
    // The latest draft (what the admin opens) is the same document.
    expect(comparable((await t.payload.findByID({ collection: 'articles', id, depth: 0, draft: true })) as never)).toEqual(comparable(b as never))

    const versionsOf = async (parent: number | string) => (await t.payload.findVersions({ collection: 'articles', where: { parent: { equals: parent } }, depth: 0 })).docs
    const [va, vb] = [await versionsOf(viaApi.id), await versionsOf(id)]
    expect(vb).toHaveLength(1)
    expect(va).toHaveLength(1)
    expect({ ...comparable(vb[0] as never), version: comparable(vb[0]!.version as never) }).toEqual({
      ...comparable(va[0] as never),
      version: comparable(va[0]!.version as never),
    })
    expect(vb[0]!.version.title).toBe('Harbour works begin in town 2')
    if ('stage' in desk) {
      expect(b).toMatchObject({ stage: 'editing', stageHistory: [{ id: expect.stringMatching(/^[0-9a-f]{24}$/), from: null, to: 'editing', by: null }] })
    }
  })

  it('are in the search index once the batch has committed, show their photo to readers, and take their path back from a redirect', async () => {
    await t.payload.create({ collection: 'redirects', data: { from: '/articles/harbour-works-begin-in-town-4', to: '/articles/elsewhere', status: '308' } })
    const entries = (await t.payload.count({ collection: 'invalidations' })).totalDocs
    const outcomes = await writeArticles([article(3), article(4)])
    const ids = outcomes.map((outcome) => (outcome as { value: number | string }).value)

    const indexed = (await searchEngine(t.payload).entries()).filter((entry) => ids.map(String).includes(entry.id))
    expect(indexed.map((entry) => entry.headline).sort()).toEqual(['Harbour works begin in town 3', 'Harbour works begin in town 4'])
    expect(indexed[0]!.extra).toContain('Layla Nasser')

    expect((await t.payload.findByID({ collection: 'media', id: photo.id, depth: 0 })).shownToReaders).toBe(true)
    expect((await t.payload.count({ collection: 'redirects', where: { from: { equals: '/articles/harbour-works-begin-in-town-4' } } })).totalDocs).toBe(0)

    // One invalidation for the batch, naming both articles' pages.
    expect((await t.payload.count({ collection: 'invalidations' })).totalDocs).toBe(entries + 1)
    const { docs } = await t.payload.find({ collection: 'invalidations', sort: '-sequence', limit: 1, depth: 0 })
    expect(docs[0]?.tags).toEqual(expect.arrayContaining(['articles:latest', 'article:harbour-works-begin-in-town-3', 'article:harbour-works-begin-in-town-4', 'tag:harbours']))
  })

  it('never index a draft: one the bulk path cannot write goes through the Local API, and stays out of the index', async () => {
    const outcomes = await writeArticles([article(5), { ...article(6), _status: 'draft' }])
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true])
    const [published, draft] = outcomes.map((outcome) => String((outcome as { value: number | string }).value))
    const indexed = (await searchEngine(t.payload).entries()).map((entry) => entry.id)
    expect(indexed).toContain(published)
    expect(indexed).not.toContain(draft)
    expect((await t.payload.findByID({ collection: 'articles', id: draft!, depth: 0, draft: true }))._status).toBe('draft')
  })

  // The batch's transaction is rolled back before its pieces are written again one by one.
  unlessStandinCannot('roll back a transaction')('keep the other articles of a batch when one fails, and nothing of that one, with an error naming it', async () => {
    const missing = await missingAuthorId()
    const outcomes = await writeArticles([article(7), article(8, { authors: [author.id, missing] }), article(9)])
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true])
    // The Local API's refusal, naming the field: what the piece alone gets.
    const failure = outcomes[1] as { ok: false; error: Error & { data?: { errors?: { path: string }[] } } }
    expect(failure.error.message).toBe(`There is no author with id ${missing}.`)
    expect(failure.error.data?.errors?.map((error) => error.path)).toEqual(['authors'])
    const { docs } = await t.payload.find({ collection: 'articles', depth: 0, pagination: false, sort: 'slug' })
    expect(docs.map((doc: Article) => doc.slug)).toEqual(['harbour-works-begin-in-town-7', 'harbour-works-begin-in-town-9'])
    expect((await t.payload.countVersions({ collection: 'articles' })).totalDocs).toBe(2)
    expect((await searchEngine(t.payload).entries()).map((entry) => entry.headline).sort()).toEqual(['Harbour works begin in town 7', 'Harbour works begin in town 9'])
  })

  // The second, written alone, is refused by the slug's unique index.
  unlessStandinCannot('enforce unique indexes')('refuse two new articles with one slug in a batch: the second is then written alone and refused by the Local API', async () => {
    const warn = vi.spyOn(t.payload.logger, 'warn')
    const outcomes = await writeArticles([article(10), article(10, { title: 'Another headline' })])
    expect(warn.mock.calls.some(([line]) => String(line).includes('the batch already creates an article with the slug "harbour-works-begin-in-town-10"'))).toBe(true)
    warn.mockRestore()
    expect(outcomes[0]!.ok).toBe(true)
    expect(outcomes[1]!.ok).toBe(false)
    expect((await t.payload.count({ collection: 'articles', where: { slug: { equals: 'harbour-works-begin-in-town-10' } } })).totalDocs).toBe(1)
  })
})

/** An author id no author has (deleted at once). */
async function missingAuthorId(): Promise<number | string> {
  const gone = await t.payload.create({ collection: 'authors', data: { name: 'Gone Author' } })
  await t.payload.delete({ collection: 'authors', id: gone.id })
  return gone.id
}

import path from 'node:path'
import { beginTransaction as drizzleBeginTransaction } from '@payloadcms/drizzle'
import { createLocalReq, initTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { KEEP_ENTRIES_MS } from '@/lib/invalidation/log'
import { pruneInvalidations, startInvalidationPoller, type Poller } from '@/lib/invalidation/poller'
import { PageCache, pageCache } from '@/server/page-cache'
import { renderedPage } from '@/server/page-reply'
import type { Author } from '@/payload-types'
import { seedFiles } from '@/seed/importer'
import { unlessStandinCannot } from './support/database'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

// The reader route runs as in the server, minus Next's request scope (no draft mode, no data cache).
vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
let articleRoute: Route<{ slug: string }>
const readArticle = async (slug: string) => {
  const response = await articleRoute(new Request(`http://localhost:3000/articles/${slug}`), { params: Promise.resolve({ slug }) })
  return { cache: response.headers.get('x-page-cache'), html: await response.text() }
}

let t: TestPayload
let editor: { token: string }
let author: Author
// Another server process's page cache, fed only by the log (this process's own entries included).
const other = new PageCache(1_000_000)
let poller: Poller

beforeAll(async () => {
  t = await startPayload()
  editor = await createUser(t.payload, ['editor'], 'editor')
  author = await createAuthor(t.payload, 'Zeina Khodr')
  ;({ GET: articleRoute } = await import('@/app/(site)/articles/[slug]/route'))
  poller = await startInvalidationPoller(t.payload, { apply: (tags) => other.invalidate(tags), skipOrigin: null, intervalMs: 10_000 })
})
afterAll(async () => {
  poller?.stop()
  await t?.cleanup()
})

const page = (html: string) => renderedPage({ status: 200, text: html, tags: [], gzip: false })

describe('the invalidation log carries a change to other processes', () => {
  it('an editor’s publish reaches another page cache through the database', async () => {
    const story = await createArticle(t.payload, { title: 'Ferry timetable', section: 'business', authors: [author.id] }, 'draft')
    other.set('/articles/ferry-timetable', page('old'), ['article:ferry-timetable'], other.begin())
    other.set('/authors/someone-else', page('profile'), ['author:999'], other.begin())

    const response = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(response.status).toBe(200)
    const applied = await poller.poll()
    expect(applied.flatMap((entry) => entry.tags)).toEqual(expect.arrayContaining(['article:ferry-timetable', 'articles:latest']))
    expect(other.get('/articles/ferry-timetable')).toBeUndefined()
    expect(other.get('/authors/someone-else')).toBeDefined()
    // Read again, the same entries are not applied twice.
    expect(await poller.poll()).toEqual([])
  })

  it('the importer takes part without doing anything special', async () => {
    const file = path.resolve(import.meta.dirname, '../../seed/content/trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact.txt')
    const slug = path.basename(file, '.txt')
    other.set(`/articles/${slug}`, page('404 until imported'), [`article:${slug}`], other.begin())
    const [result] = await seedFiles(t.payload, [file], { log: () => {} })
    expect(result?.status).toBe('created')
    await poller.poll()
    expect(other.get(`/articles/${slug}`)).toBeUndefined()
  })

  it('is pruned of entries older than an hour', async () => {
    const old = await t.payload.create({ collection: 'invalidations', data: { sequence: Date.now() - KEEP_ENTRIES_MS - 1, tags: ['x'] } })
    const recent = await t.payload.create({ collection: 'invalidations', data: { sequence: Date.now(), tags: ['y'] } })
    await pruneInvalidations(t.payload)
    const ids = (await t.payload.find({ collection: 'invalidations', pagination: false })).docs.map((doc) => doc.id)
    expect(ids).not.toContain(old.id)
    expect(ids).toContain(recent.id)
  })

  it('is closed to every REST and GraphQL caller, signed in or not', async () => {
    const admin = await createUser(t.payload, ['admin'], 'admin')
    for (const token of [undefined, editor.token, admin.token]) {
      expect((await t.rest.get('/invalidations', { token })).status).toBe(403)
      expect((await t.rest.post('/invalidations', { token, body: { sequence: 1, tags: ['home'] } })).status).toBe(403)
      expect((await t.rest.delete('/invalidations?where[id][exists]=true', { token })).status).toBe(403)
    }
    const result = await t.graphql('{ Invalidations { docs { id } } }', { token: admin.token })
    expect(result.errors?.[0]?.message).toMatch(/Cannot query field "Invalidations"/)
  })
})

describe('tags are expired only after the write has committed', () => {
  // The stand-in applies a transaction's writes at once: other readers see them before the commit
  // (no isolation), and an abort leaves them in place (no rollback). Checked there: the work of
  // lib/invalidation/after-commit.ts is still held until the commit (the page stays cached), so the failures are
  // the stand-in's, not the MongoDB adapter's.
  const isolated = unlessStandinCannot("isolate a transaction's uncommitted writes")
  // A real transaction on SQLite (the adapter runs without by default), as on a MongoDB replica set.
  let original: typeof t.payload.db.beginTransaction
  beforeAll(() => {
    original = t.payload.db.beginTransaction
    const db = t.payload.db as unknown as { packageName: string; beginTransaction: unknown }
    if (db.packageName === '@payloadcms/db-sqlite') db.beginTransaction = drizzleBeginTransaction
  })
  afterAll(() => {
    t.payload.db.beginTransaction = original
  })

  isolated('a reader racing the transaction cannot leave the old page cached', async () => {
    const story = await createArticle(t.payload, { title: 'Tide tables', standfirst: 'Old tides.', authors: [author.id] })
    expect((await readArticle(story.slug!)).html).toContain('Old tides.')
    await poller.poll()

    const req = await createLocalReq({}, t.payload)
    expect(await initTransaction(req)).toBe(true)
    await t.payload.update({ collection: 'articles', id: story.id, data: { standfirst: 'New tides.' }, req })
    // Between the write and its commit: nothing expired yet, and other processes see no entry.
    expect(await poller.poll()).toEqual([])
    const racing = await readArticle(story.slug!)
    expect(racing.cache).toBe('HIT')
    expect(racing.html).toContain('Old tides.')

    await t.payload.db.commitTransaction(req.transactionID!)
    expect(pageCache().get(`/articles/${story.slug}`)).toBeUndefined()
    const after = await readArticle(story.slug!)
    expect(after.cache).toBe('MISS')
    expect(after.html).toContain('New tides.')
    expect((await poller.poll()).flatMap((entry) => entry.tags)).toContain(`article:${story.slug}`)
  })

  isolated('a page rendered from the old content during the transaction is refused', async () => {
    const story = await createArticle(t.payload, { title: 'Lock gates', standfirst: 'Gates shut.', authors: [author.id] })
    const req = await createLocalReq({}, t.payload)
    await initTransaction(req)
    await t.payload.update({ collection: 'articles', id: story.id, data: { standfirst: 'Gates open.' }, req })
    // First read of the page while the change is uncommitted: it renders (and tries to keep) the old text.
    const racing = await readArticle(story.slug!)
    expect(racing.cache).toBe('MISS')
    expect(racing.html).toContain('Gates shut.')
    await t.payload.db.commitTransaction(req.transactionID!)
    const after = await readArticle(story.slug!)
    expect(after.cache).toBe('MISS')
    expect(after.html).toContain('Gates open.')
  })

  unlessStandinCannot('roll back a transaction')('a rolled-back change leaves no entry and expires nothing', async () => {
    const story = await createArticle(t.payload, { title: 'Pier repairs', standfirst: 'Closed.', authors: [author.id] })
    await readArticle(story.slug!)
    await poller.poll()
    const req = await createLocalReq({}, t.payload)
    await initTransaction(req)
    await t.payload.update({ collection: 'articles', id: story.id, data: { standfirst: 'Reopened.' }, req })
    await t.payload.db.rollbackTransaction(req.transactionID!)
    expect(await poller.poll()).toEqual([])
    const read = await readArticle(story.slug!)
    expect(read.cache).toBe('HIT')
    expect(read.html).toContain('Closed.')
  })
})

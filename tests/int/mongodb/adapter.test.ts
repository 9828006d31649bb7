import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type IndexKey, indexServes, QUERY_INDEXES } from '@/lib/platform/mongo-indexes'
import type { Article, Author } from '@/payload-types'
import { createArticle, createAuthor } from '../support/fixtures'
import { startPayload, type TestPayload } from '../support/payload'

// MongoDB only (vitest.config.ts): what the adapter is configured with, and what it sends.

vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: T) => read,
}))
// Authors parts of two, so that a handful of authors fill several sitemap parts.
vi.mock('@/lib/seo/sitemap', async (original) => ({ ...(await original<typeof import('@/lib/seo/sitemap')>()), SITEMAP_PART_SIZE: 2 }))

let t: TestPayload
let db: MongooseAdapter
let author: Author
const articles: Article[] = []

beforeAll(async () => {
  t = await startPayload()
  db = t.payload.db as unknown as MongooseAdapter
  author = await createAuthor(t.payload, 'Zeina Khodr')
  for (const [index, section] of ['world', 'politics', 'world', 'business', 'world'].entries()) {
    articles.push(
      await createArticle(t.payload, {
        title: `Story ${index}`,
        authors: [author.id],
        section: section as Article['section'],
        tags: ['Syria'],
        publishedAt: `2025-06-0${index + 1}T08:00:00.000Z`,
      }),
    )
  }
})
afterAll(async () => t?.cleanup())

describe('the MongoDB adapter', () => {
  it('gives up on an unreachable server in seconds, not after the driver’s 30 s', () => {
    const { options } = db.connection.getClient()
    expect(options.serverSelectionTimeoutMS).toBe(5_000)
    expect(options.connectTimeoutMS).toBe(5_000)
  })

  it('runs with transactions on a replica set, and builds its indexes before it starts (ensureIndexes)', () => {
    expect(db.connection.getClient().options.replicaSet).toBeTruthy()
    expect(db.transactionOptions).not.toBe(false)
    expect(db.ensureIndexes).toBe(true)
  })

  it('has every index the reader and dashboard queries need, and Payload’s unique slug index, right after boot (listIndexes)', async () => {
    for (const collection of new Set(QUERY_INDEXES.map((spec) => spec.collection))) {
      const indexes = await db.connection.collection(collection).listIndexes().toArray()
      for (const spec of QUERY_INDEXES.filter((index) => index.collection === collection)) {
        expect(indexes.find((index) => index.name === spec.name)?.key, `${collection}.${spec.name}`).toEqual(spec.key)
      }
    }
    for (const collection of ['articles', 'authors'] as const) {
      const indexes = await db.collections[collection]!.collection.listIndexes().toArray()
      expect(indexes.find((index) => index.name === 'slug_1')).toMatchObject({ key: { slug: 1 }, unique: true })
    }
  })

  it('its data migration gives every stored article and version its sitemap month, from the date, in UTC', async () => {
    const { up } = await import('@/migrations-mongodb/20261202_050000_sitemap_months')
    const stored = db.connection.collection('articles')
    const versions = db.connection.collection('_articles_versions')
    // As a database from before the field finds them.
    await stored.updateMany({}, { $unset: { publishedMonth: '' } })
    await versions.updateMany({}, { $unset: { 'version.publishedMonth': '' } })
    await stored.updateOne({ slug: 'story-0' }, { $set: { publishedAt: new Date('2025-05-31T23:30:00.000Z') } })

    await up({ payload: t.payload, req: {} as never, session: undefined })
    const months = Object.fromEntries((await stored.find({}, { projection: { slug: 1, publishedMonth: 1 } }).toArray()).map((doc) => [doc.slug, doc.publishedMonth]))
    expect(months).toEqual({ 'story-0': '2025-05', 'story-1': '2025-06', 'story-2': '2025-06', 'story-3': '2025-06', 'story-4': '2025-06' })
    expect(await versions.countDocuments({ 'version.publishedAt': { $type: 'date' }, 'version.publishedMonth': { $exists: false } })).toBe(0)
    expect(await versions.countDocuments({ 'version.publishedMonth': '2025-06' })).toBeGreaterThan(0)
    await stored.updateOne({ slug: 'story-0' }, { $set: { publishedAt: new Date(articles[0]!.publishedAt!), publishedMonth: '2025-06' } })
  })

  it('refuses a count inside a transaction, as a replica set does (the first sign-up’s failure)', async () => {
    const id = await t.payload.db.beginTransaction()
    expect(id).not.toBeNull()
    const session = db.sessions[id!]!
    try {
      const counted = db.collections.users!.collection.estimatedDocumentCount({ session })
      await expect(counted).rejects.toMatchObject({ code: 263, message: "Cannot run 'count' in a multi-document transaction." })
    } finally {
      await t.payload.db.rollbackTransaction(id!)
    }
  })
})

describe('the reader’s queries on MongoDB', () => {
  type Sent = { collection: string; method: string; filter: Record<string, unknown>; options: { sort?: IndexKey; skip?: number; limit?: number } }
  let sent: Sent[] = []

  /** Records what the adapter asks MongoDB while `read` runs (mongoose's per-connection debug hook). */
  async function record(read: () => Promise<unknown>): Promise<Sent[]> {
    sent = []
    db.connection.set('debug', (collection: string, method: string, filter: unknown, ...rest: unknown[]) => {
      // The driver's arguments: find(filter, options), countDocuments(filter, options), …
      const options = rest[0] as Sent['options'] | undefined
      sent.push({ collection, method, filter: (filter ?? {}) as Sent['filter'], options: options ?? {} })
    })
    try {
      await read()
    } finally {
      db.connection.set('debug', false)
    }
    return sent.filter((query) => ['find', 'countDocuments', 'findOne'].includes(query.method))
  }

  const normalSort = (sort: Record<string, unknown> = {}): IndexKey =>
    Object.fromEntries(Object.entries(sort).map(([field, direction]) => [field, direction === -1 || direction === 'desc' ? -1 : 1]))

  async function unservedQueries(read: () => Promise<unknown>) {
    const queries = await record(read)
    expect(queries.length).toBeGreaterThan(0)
    const unserved: Sent[] = []
    for (const query of queries) {
      const indexes = await db.connection.collection(query.collection).listIndexes().toArray()
      const served = indexes.some((index) => indexServes(index.key as IndexKey, query.filter, normalSort(query.options.sort)))
      if (!served) unserved.push({ ...query, options: { sort: query.options.sort, limit: query.options.limit } })
    }
    return unserved
  }

  it('home, /page/n, section, author, tag and corrections listings are each answered by an index, sort included', async () => {
    const queries = await import('@/lib/content/queries')
    expect(await unservedQueries(() => queries.listLatest(2, 2))).toEqual([])
    expect(await unservedQueries(() => queries.listBySection('world', 1))).toEqual([])
    expect(await unservedQueries(() => queries.listByAuthor(author.id, 1))).toEqual([])
    expect(await unservedQueries(() => queries.listByTag('syria', 1))).toEqual([])
    expect(await unservedQueries(() => queries.listCorrected(1))).toEqual([])
  })

  it('sitemap parts are answered by an index; the index jumps month to month through sitemap_months, and a part is read by date, with no skip', async () => {
    const sitemap = await import('@/lib/content/sitemap-queries')
    expect(await unservedQueries(() => sitemap.getSitemapSummary())).toEqual([])
    expect(await unservedQueries(() => sitemap.getSitemapArticles('2025-06'))).toEqual([])
    expect(await unservedQueries(() => sitemap.getSitemapAuthors(1))).toEqual([])

    // The months: $match then $sort exactly as sitemap_months leads, so MongoDB can answer the $group's $first from the index.
    await record(() => sitemap.getSitemapSummary())
    const months = sent.find((query) => query.collection === 'articles' && query.method === 'aggregate')
    const [match, sort] = (months?.filter ?? []) as unknown as [{ $match: Record<string, unknown> }, { $sort: IndexKey }]
    const index = QUERY_INDEXES.find((spec) => spec.name === 'sitemap_months')!
    expect(indexServes(index.key, match.$match, sort.$sort)).toBe(true)
    expect(Object.keys(sort.$sort)).toEqual(Object.keys(index.key).slice(1))
    expect(await sitemap.getSitemapSummary()).toMatchObject({ articleMonths: [{ month: '2025-06', lastmod: articles.at(-1)!.updatedAt }] })

    const part = await record(() => sitemap.getSitemapArticles('2025-06'))
    const read = part.find((query) => query.collection === 'articles' && query.method === 'find')
    expect(read?.options.skip ?? 0).toBe(0)
    expect(JSON.stringify(read?.filter)).toContain('$gte')
    expect((await sitemap.getSitemapArticles('2025-06')).map((doc) => doc.slug)).toEqual(['story-0', 'story-1', 'story-2', 'story-3', 'story-4'])
    expect(await sitemap.getSitemapArticles('2025-07')).toEqual([])
  })

  it("the admin's articles list by date (latest versions, drafts included) is answered by an index", async () => {
    for (const sort of ['-publishedAt', '-createdAt', '-updatedAt']) {
      const list = () => t.payload.find({ collection: 'articles', draft: true, sort, limit: 10, depth: 0 })
      expect(await unservedQueries(list), sort).toEqual([])
    }
  })

  it('saving a photo finds the articles and authors it appears on through an index', async () => {
    const media = await t.payload.create({
      collection: 'media',
      data: { alt: 'A photo', credit: { creator: 'Jane Doe', provider: 'AFP' } },
      file: { data: await (await import('../support/fixtures')).pngBytes(), mimetype: 'image/png', name: 'photo.png', size: 0 },
    })
    const unserved = await unservedQueries(() => t.payload.update({ collection: 'media', id: media.id, data: { caption: 'New caption' } }))
    expect(unserved.filter((query) => query.collection === 'articles' || query.collection === 'authors')).toEqual([])
  })

  it("every list on the editors' dashboard, and its count, is answered by an index, sort included", async () => {
    const { deskOverview } = await import('@/lib/content/desk')
    const editor = await t.payload.create({
      collection: 'users',
      data: { email: 'desk-indexes@example.com', password: 'correct horse battery staple', name: 'Desk Indexes', roles: ['editor'] },
    })
    await createArticle(t.payload, { title: 'Waiting for the desk', stage: 'ready-for-edit', assignee: editor.id }, 'draft')
    const unserved = await unservedQueries(() => deskOverview(t.payload, { ...editor, collection: 'users' as const }))
    // Except the assignees' names: a lookup by id of the few on the page, which Payload sorts by
    // createdAt in memory (no index can hold an $in of several ids and that sort).
    const isNameLookup = (query: (typeof unserved)[number]) => query.collection === 'users' && JSON.stringify(query.filter).includes('"_id":{"$in"')
    expect(unserved.filter((query) => !isNameLookup(query))).toEqual([])
    expect(unserved.length).toBeLessThanOrEqual(1)
  })
})

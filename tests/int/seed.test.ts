import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beginTransaction as drizzleBeginTransaction } from '@payloadcms/drizzle'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Where } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { lexicalToParagraphs } from '@/lib/text/lexical'
import type { Article, Author, Media } from '@/payload-types'
import { CONTENT_DIR, type PieceResult, seedFiles } from '@/seed/importer'
import { unlessStandinCannot } from './support/database'
import { startPayload, type TestPayload } from './support/payload'

const ROOT = path.resolve(import.meta.dirname, '../..')
const REAL_NAME = 'trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact'
const REAL_FILE = path.join(ROOT, 'seed', 'content', `${REAL_NAME}.txt`)
const SLUG = REAL_NAME

const CAPTION =
  "Debris and military vehicles lie at the scene of an Israeli strike in Syria's southern Hama governorate, on April 3, 2025. Israel has carried out an extensive bombing campaign against Syrian military assets since Islamist-led rebels toppled longtime strongman Bashar al-Assad in November 2024. It has also carried out ground incursions into southern Syria in a bid to keep the forces of the new government back from the border."
const FIRST_PARAGRAPH =
  'The Trump administration is engaged in "preliminary discussions" with Israel and Syria over a potential security agreement between the two longtime enemies, U.S. and Israeli officials told Axios.'
const LAST_PARAGRAPH =
  'Looking ahead, Ron Dermer, Netanyahu’s close confidant and minister for strategic affairs, is in Washington this week to discuss the potential Syria deal with White House officials. Netanyahu is also expected to visit the White House soon to discuss Syria alongside other regional issues.'

/** Parses, but its byline date does not exist: fails before anything is written. */
const IMPOSSIBLE_DATE = `Border Crossing Reopens After Months of Closure
Layla Nasser 31/02/2025

Trucks crossed the border on Monday for the first time since the winter.
`

/** Parses; fails only when it is written (see the tests), after its author and photo were. */
const LATE_FAILURE_TITLE = 'Ceasefire Talks Resume in Cairo'
const LATE_FAILURE = `${LATE_FAILURE_TITLE}
Omar Khalil 02/07/2025
Delegates arrive for a new round of talks in Cairo on July 2, 2025. (Photo by John Doe / AFP)

Negotiators met again on Wednesday after a two-week pause.

Both sides said the talks were constructive.

Omar Khalil
02/07/2025
`

/** Parses; the "photo" beside it is an HTML page, which the media collection refuses after the author is written. */
const BAD_PHOTO = `Market Rally Lifts Regional Shares
Sara Haddad 01/07/2025
Traders watch screens at the exchange in Riyadh on July 1, 2025. (Photo by Jane Roe / Reuters)

Shares rose on Tuesday across the region.
`

let t: TestPayload
let mediaDir: string
let work: string
const logged: string[] = []
const log = (line: string) => void logged.push(line)

beforeAll(async () => {
  t = await startPayload()
  mediaDir = t.payload.collections.media.config.upload.staticDir ?? ''
  work = mkdtempSync(path.join(tmpdir(), 'masthead-seed-'))
})
afterAll(async () => {
  try {
    await t?.cleanup()
  } finally {
    if (work) rmSync(work, { recursive: true, force: true })
  }
})

async function counts() {
  const count = async (collection: 'articles' | 'authors' | 'media' | 'users') =>
    (await t.payload.count({ collection })).totalDocs
  return {
    articles: await count('articles'),
    authors: await count('authors'),
    media: await count('media'),
    users: await count('users'),
    articleVersions: (await t.payload.countVersions({ collection: 'articles' })).totalDocs,
  }
}

async function findOne<T>(collection: 'articles' | 'authors' | 'media', where: Where): Promise<T | undefined> {
  return (await t.payload.find({ collection, where, depth: 0, limit: 1 })).docs[0] as T | undefined
}

async function emptyDatabase() {
  for (const collection of ['articles', 'media', 'authors'] as const) {
    await t.payload.delete({ collection, where: { id: { exists: true } }, context: { disableRevalidate: true } })
  }
  logged.length = 0
}

/** A fresh folder holding the given files (name → text or bytes). */
function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(work, 'pieces-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content)
  return dir
}

const mediaFilesStartingWith = (prefix: string) => readdirSync(mediaDir).filter((name) => name.startsWith(prefix))

/** Runs `fn` with a hook that fails any write of the late-failure article. */
async function withFailingArticleHook<T>(kind: 'beforeChange' | 'afterChange', fn: () => Promise<T>): Promise<T> {
  const hooks = t.payload.collections.articles.config.hooks
  const fail = () => {
    throw new Error('simulated failure while saving the article')
  }
  const before: CollectionBeforeChangeHook = ({ data }) => (data.title === LATE_FAILURE_TITLE ? fail() : data)
  const after: CollectionAfterChangeHook = ({ doc }) => (doc.title === LATE_FAILURE_TITLE ? fail() : doc)
  if (kind === 'beforeChange') hooks.beforeChange.push(before)
  else hooks.afterChange.push(after)
  try {
    return await fn()
  } finally {
    if (kind === 'beforeChange') hooks.beforeChange.splice(hooks.beforeChange.indexOf(before), 1)
    else hooks.afterChange.splice(hooks.afterChange.indexOf(after), 1)
  }
}

it('npm start seeds from the shipped content folder when given no files', () => {
  expect(path.resolve(CONTENT_DIR, path.basename(REAL_FILE))).toBe(path.resolve(REAL_FILE))
})

describe('the real piece', () => {
  let first: PieceResult[]
  let second: PieceResult[]
  let before: Record<string, string>

  beforeAll(async () => {
    await emptyDatabase()
    first = await seedFiles(t.payload, [REAL_FILE], { log })
    const article = await findOne<Article>('articles', { slug: { equals: SLUG } })
    const author = await findOne<Author>('authors', { slug: { equals: 'ahmed-mohammed' } })
    const media = (await t.payload.find({ collection: 'media', depth: 0 })).docs[0]
    before = { article: article?.updatedAt ?? '', author: author?.updatedAt ?? '', media: media?.updatedAt ?? '' }
    second = await seedFiles(t.payload, [REAL_FILE], { log })
  })

  it('is created on the first run and unchanged on the second: one article, one author, one photo, no accounts', async () => {
    expect(first).toMatchObject([{ status: 'created', counts: { created: 3, updated: 0, unchanged: 0 } }])
    expect(second).toMatchObject([{ status: 'unchanged', counts: { created: 0, updated: 0, unchanged: 3 } }])
    expect(second[0]?.error).toBeUndefined()
    expect(logged[1]).toMatch(/author Ahmed Mohammed unchanged · photo unchanged .* article \S+ unchanged/)
    // Nothing was written again: no new version, no changed timestamp.
    expect(await counts()).toEqual({ articles: 1, authors: 1, media: 1, users: 0, articleVersions: 1 })
    const article = await findOne<Article>('articles', { slug: { equals: SLUG } })
    const author = await findOne<Author>('authors', { slug: { equals: 'ahmed-mohammed' } })
    const media = (await t.payload.find({ collection: 'media', depth: 0 })).docs[0]
    expect({ article: article?.updatedAt, author: author?.updatedAt, media: media?.updatedAt }).toEqual(before)
  })

  it('stores the article faithfully: headline, slug, date, status, author, photo, standfirst and ten paragraphs', async () => {
    const article = await findOne<Article>('articles', { slug: { equals: SLUG } })
    const author = await findOne<Author>('authors', { slug: { equals: 'ahmed-mohammed' } })
    const media = (await t.payload.find({ collection: 'media', depth: 0 })).docs[0]
    expect(article).toMatchObject({
      title: 'Trump Administration Holds Quiet Talks to Broker Israeli-Syrian Security Pact',
      slug: SLUG,
      publishedAt: '2025-06-30T00:00:00.000Z',
      _status: 'published',
      standfirst: FIRST_PARAGRAPH,
      authors: [author?.id],
      leadImage: media?.id,
    })
    const paragraphs = lexicalToParagraphs(article?.body)
    expect(paragraphs).toHaveLength(10)
    expect(paragraphs[0]).toBe(FIRST_PARAGRAPH)
    expect(paragraphs[9]).toBe(LAST_PARAGRAPH)
    expect(paragraphs[6]).toBe(
      'A senior U.S. official described the current effort as delicate. “We are having very soft preliminary discussions. Diplomatic breakthroughs are like unwrapping an onion — we are peeling,” the official said. “President Trump and Secretary of State Rubio have been super supportive, and our teams are working well.”',
    )
    // The caption lives on the photo only; the sign-off is not body text.
    expect(paragraphs.some((paragraph) => paragraph.includes('Debris and military vehicles'))).toBe(false)
    expect(paragraphs.some((paragraph) => paragraph.includes('30/06/2025') || paragraph === 'Ahmed Mohammed')).toBe(false)
    // The exact Lexical shape the editor stores.
    expect(article?.body?.root).toMatchObject({ type: 'root', direction: 'ltr', format: '', indent: 0, version: 1 })
    expect(article?.body?.root.children[0]).toEqual({
      type: 'paragraph',
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      version: 1,
      children: [{ type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: FIRST_PARAGRAPH, version: 1 }],
    })
    expect(author).toMatchObject({ name: 'Ahmed Mohammed', slug: 'ahmed-mohammed' })
  })

  it('stores the photo with its caption and structured credit, and a placeholder file saying so', async () => {
    const media = (await t.payload.find({ collection: 'media', depth: 0 })).docs[0] as Media
    expect(media).toMatchObject({
      caption: CAPTION,
      alt: "Debris and military vehicles lie at the scene of an Israeli strike in Syria's southern Hama governorate, on April 3, 2025.",
      credit: { creator: 'Abdulaziz KETAZ', provider: 'AFP', line: 'Abdulaziz KETAZ / AFP' },
      // Named after the article (the collection may convert the format, hence any extension).
      filename: expect.stringMatching(new RegExp(`^${SLUG}-lead-placeholder\\.(webp|jpg)$`)),
      width: 1600,
      height: 900,
    })
    expect(media.caption).not.toContain('(Photo')
    const file = path.join(mediaDir, media.filename ?? '')
    expect(existsSync(file)).toBe(true)
    // Grey, as generated (the collection converts uploads to WebP).
    const { dominant } = await sharp(file).stats()
    expect(Math.abs(dominant.r - dominant.g) + Math.abs(dominant.g - dominant.b)).toBeLessThan(24)
    expect(first[0]?.photo).toMatchObject({ source: 'placeholder', action: 'created' })
  })

  it('is readable anonymously over REST with depth=2: author name and photo credit included', async () => {
    const response = await t.rest.get(`/articles?where[slug][equals]=${SLUG}&depth=2`)
    expect(response.status).toBe(200)
    const { docs } = await response.json()
    expect(docs).toHaveLength(1)
    expect(docs[0].authors.map((author: Author) => author.name)).toEqual(['Ahmed Mohammed'])
    expect(docs[0].leadImage.credit).toMatchObject({ creator: 'Abdulaziz KETAZ', provider: 'AFP', line: 'Abdulaziz KETAZ / AFP' })
    expect(docs[0].leadImage.caption).toBe(CAPTION)
  })

  it('updates only what changed in the text, and uses an image that later appears beside the text', async () => {
    const edited = readFileSync(REAL_FILE, 'utf8').replaceAll('Abdulaziz KETAZ / AFP', 'Abdulaziz KETAZ / Getty')
    const dir = folder({ [`${REAL_NAME}.txt`]: edited })
    const file = path.join(dir, `${REAL_NAME}.txt`)
    const [updated] = await seedFiles(t.payload, [file], { log })
    expect(updated).toMatchObject({ status: 'updated', counts: { updated: 1, unchanged: 2 }, photo: { action: 'updated' } })
    expect((await t.payload.find({ collection: 'media', depth: 0 })).docs[0]?.credit?.line).toBe('Abdulaziz KETAZ / Getty')
    expect((await counts()).articleVersions).toBe(1)

    writeFileSync(path.join(dir, `${REAL_NAME}.png`), await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#235' } }).png().toBuffer())
    const [replaced] = await seedFiles(t.payload, [file], { log })
    expect(replaced).toMatchObject({ status: 'updated', photo: { action: 'replaced', source: 'file' }, article: { action: 'updated' } })
    const media = (await t.payload.find({ collection: 'media', depth: 0 })).docs
    expect(media).toHaveLength(1)
    expect(media[0]).toMatchObject({ filename: expect.stringMatching(new RegExp(`^${SLUG}-lead\\.(webp|png)$`)), width: 1200, height: 800, credit: { line: 'Abdulaziz KETAZ / Getty' } })
    expect((await findOne<Article>('articles', { slug: { equals: SLUG } }))?.leadImage).toBe(media[0]?.id)
    expect(mediaFilesStartingWith(`${SLUG}-lead-placeholder`)).toEqual([])

    const [again] = await seedFiles(t.payload, [file], { log })
    expect(again).toMatchObject({ status: 'unchanged', photo: { action: 'unchanged', source: 'file' } })
  })
})

// Run the failure cases both without transactions (SQLite as configured, a standalone MongoDB: writes
// are undone one by one) and with the adapter's own transactions, which is what MongoDB with a
// replica set (and SQLite with `transactionOptions`) gives.
const modes = [
  { mode: 'without database transactions (SQLite as configured, standalone MongoDB)', transactions: false },
  { mode: 'with database transactions', transactions: true },
] as const

describe.each(modes)('a piece that fails, $mode', ({ transactions }) => {
  let original: typeof t.payload.db.beginTransaction
  // Undoing by rollback is what the stand-in cannot do; undoing one by one it can.
  const undoing = unlessStandinCannot('roll back a transaction', transactions)

  beforeAll(async () => {
    original = t.payload.db.beginTransaction
    const db = t.payload.db as unknown as { packageName: string; beginTransaction: unknown }
    if (transactions && db.packageName === '@payloadcms/db-sqlite') db.beginTransaction = drizzleBeginTransaction
    // What Payload's MongoDB adapter does on a server that is not a replica set.
    if (!transactions && db.packageName === '@payloadcms/db-mongodb') db.beginTransaction = async () => null
  })
  afterAll(() => {
    t.payload.db.beginTransaction = original
  })
  beforeEach(async () => {
    await emptyDatabase()
  })

  it('uses transactions only when asked to', async () => {
    const id = await t.payload.db.beginTransaction()
    if (id !== null) await t.payload.db.rollbackTransaction(id)
    expect(id !== null).toBe(transactions)
  })

  it('reads nothing paginated inside its transaction (MongoDB cannot count and read at once on one session)', async () => {
    const find = t.payload.find
    const paginatedInTransaction: unknown[] = []
    t.payload.find = (async (args: Parameters<typeof find>[0]) => {
      if (args.req?.transactionID !== undefined && args.pagination !== false) paginatedInTransaction.push(args.collection)
      return find.call(t.payload, args)
    }) as typeof find
    try {
      // A new piece with a photo: the importer looks for a photo it uploaded before.
      const [result] = await seedFiles(t.payload, [REAL_FILE], { log })
      expect(result?.status).toBe('created')
    } finally {
      t.payload.find = find
    }
    expect(paginatedInTransaction).toEqual([])
  })

  it('runs a piece’s writes in one transaction, rolled back when the piece fails (and in none without transactions)', async () => {
    const dir = folder({ 'late.txt': LATE_FAILURE })
    const seen: { transactionID?: number | string; inTransaction?: boolean }[] = []
    const spy: CollectionBeforeChangeHook = async ({ req, data }) => {
      // Payload keeps the promise of a transaction that began as none (no transactions: null).
      const id = ((await req.transactionID) ?? undefined) as number | string | undefined
      // On MongoDB the transaction is a driver session: it must really be in a transaction.
      const session = id === undefined ? undefined : (t.payload.db as { sessions?: Record<string, { inTransaction?: () => boolean }> }).sessions?.[id]
      seen.push({ transactionID: id, inTransaction: session?.inTransaction?.() })
      return data
    }
    const rolledBack: unknown[] = []
    const rollback = t.payload.db.rollbackTransaction
    t.payload.db.rollbackTransaction = async (id) => {
      rolledBack.push(id)
      return rollback.call(t.payload.db, id)
    }
    for (const collection of ['authors', 'media', 'articles'] as const) t.payload.collections[collection].config.hooks.beforeChange.unshift(spy)
    try {
      const [result] = await withFailingArticleHook('beforeChange', () => seedFiles(t.payload, [path.join(dir, 'late.txt')], { log }))
      expect(result?.status).toBe('failed')
    } finally {
      t.payload.db.rollbackTransaction = rollback
      for (const collection of ['authors', 'media', 'articles'] as const) {
        const hooks = t.payload.collections[collection].config.hooks.beforeChange
        hooks.splice(hooks.indexOf(spy), 1)
      }
    }
    // Author, photo and article were all written (the article's write is the one that failed).
    expect(seen.length).toBeGreaterThanOrEqual(3)
    const ids = new Set(seen.map((write) => write.transactionID))
    if (transactions) {
      expect(ids.size).toBe(1)
      const [id] = [...ids]
      expect(id).toBeDefined()
      // Rolled back (by the failing save's own operation, then by the importer), and nothing else.
      expect(rolledBack.length).toBeGreaterThan(0)
      expect(new Set(rolledBack)).toEqual(new Set([id]))
      if ((t.payload.db as unknown as { packageName: string }).packageName === '@payloadcms/db-mongodb') {
        expect(seen.every((write) => write.inTransaction === true)).toBe(true)
      }
    } else {
      expect([...ids]).toEqual([undefined])
      expect(rolledBack).toEqual([])
    }
  })

  it('leaves nothing behind when its date does not exist, names the file and line, and the good piece still loads', async () => {
    const dir = folder({ 'a-good.txt': readFileSync(REAL_FILE, 'utf8'), 'b-broken.txt': IMPOSSIBLE_DATE })
    const results = await seedFiles(t.payload, [path.join(dir, 'a-good.txt'), path.join(dir, 'b-broken.txt')], { log })
    expect(results.map((result) => result.status)).toEqual(['created', 'failed'])
    expect(results[1]?.line).toBe(2)
    expect(results[1]?.error).toBe(`${path.join(dir, 'b-broken.txt')}:2: 31/02/2025 is not a real date (February 2025 has 28 days)`)
    expect(logged.at(-1)).toContain('b-broken.txt:2: 31/02/2025 is not a real date')
    expect(await counts()).toMatchObject({ articles: 1, authors: 1, media: 1 })
    expect(await findOne('authors', { slug: { equals: 'layla-nasser' } })).toBeUndefined()
  })

  for (const hook of ['beforeChange', 'afterChange'] as const) {
    undoing(`takes back its author and photo (files included) when saving the article fails (${hook})`, async () => {
      const dir = folder({ 'a-good.txt': readFileSync(REAL_FILE, 'utf8'), 'b-late.txt': LATE_FAILURE })
      const results = await withFailingArticleHook(hook, () =>
        seedFiles(t.payload, [path.join(dir, 'a-good.txt'), path.join(dir, 'b-late.txt')], { log }),
      )
      expect(results.map((result) => result.status)).toEqual(['created', 'failed'])
      expect(results[1]?.error).toMatch(/b-late\.txt: failed while writing the article: simulated failure while saving the article/)
      expect(results[1]?.error).toMatch(/nothing from this file was kept/)
      expect(results[1]?.counts).toEqual({ created: 0, updated: 0, unchanged: 0 })

      expect(await counts()).toMatchObject({ articles: 1, authors: 1, media: 1, articleVersions: 1 })
      expect(await findOne('authors', { slug: { equals: 'omar-khalil' } })).toBeUndefined()
      expect(await findOne('articles', { slug: { equals: 'ceasefire-talks-resume-in-cairo' } })).toBeUndefined()
      expect(await findOne('media', { filename: { like: 'ceasefire-talks-resume-in-cairo' } })).toBeUndefined()
      expect(mediaFilesStartingWith('ceasefire-talks-resume-in-cairo')).toEqual([])
      expect(mediaFilesStartingWith(SLUG).length).toBeGreaterThan(0)
    })
  }

  undoing('takes back its author when its photo is refused', async () => {
    const dir = folder({ 'market.txt': BAD_PHOTO, 'market.jpg': '<html><script>alert(1)</script></html>' })
    const [result] = await seedFiles(t.payload, [path.join(dir, 'market.txt')], { log })
    expect(result?.status).toBe('failed')
    expect(result?.error).toMatch(/market\.txt: failed while writing the photo: .*refused.*not a recognised image/)
    expect(await counts()).toMatchObject({ articles: 0, authors: 0, media: 0 })
    expect(mediaFilesStartingWith('market-rally')).toEqual([])
  })

  undoing('restores what it had updated when a later write of a known piece fails', async () => {
    const dir = folder({ 'late.txt': LATE_FAILURE })
    const [loaded] = await seedFiles(t.payload, [path.join(dir, 'late.txt')], { log })
    expect(loaded?.status).toBe('created')
    const media = await findOne<Media>('media', { filename: { like: 'ceasefire-talks-resume-in-cairo' } })
    const article = await findOne<Article>('articles', { slug: { equals: 'ceasefire-talks-resume-in-cairo' } })

    // New caption (a media update) and a new paragraph (an article update, which fails).
    writeFileSync(
      path.join(dir, 'late.txt'),
      LATE_FAILURE.replace('Delegates arrive', 'Delegates arrived').replace('constructive.', 'constructive.\n\nA third round is planned.'),
    )
    const [failed] = await withFailingArticleHook('beforeChange', () => seedFiles(t.payload, [path.join(dir, 'late.txt')], { log }))
    expect(failed?.status).toBe('failed')
    expect(failed?.error).toMatch(/late\.txt: failed while writing the article/)

    const mediaAfter = await findOne<Media>('media', { id: { equals: media?.id } })
    const articleAfter = await findOne<Article>('articles', { id: { equals: article?.id } })
    expect(mediaAfter?.caption).toBe(media?.caption)
    expect(mediaAfter?.caption).toMatch(/^Delegates arrive for/)
    expect(lexicalToParagraphs(articleAfter?.body)).toEqual(lexicalToParagraphs(article?.body))
    expect(await counts()).toMatchObject({ articles: 1, authors: 1, media: 1 })
  })
})

/** Runs `fn` with a hook that saves every photo without its credit (which publishing then refuses). */
async function withUncreditedPhotos<T>(fn: () => Promise<T>): Promise<T> {
  const hooks = t.payload.collections.media.config.hooks
  const strip: CollectionBeforeChangeHook = ({ data }) => ({ ...data, credit: { creator: null, provider: null, line: null } })
  hooks.beforeChange.push(strip)
  try {
    return await fn()
  } finally {
    hooks.beforeChange.splice(hooks.beforeChange.indexOf(strip), 1)
  }
}

/** A small piece of its own, by another author, with no photo line. */
const plainPiece = (n: number) => `Harbour Works Begin in Town Number ${n}
Layla Nasser 0${n}/07/2025

Work on the harbour began on the ${n}th day of the month, officials said.
`

const invalidationCount = async () => (await t.payload.count({ collection: 'invalidations' })).totalDocs

describe('the bulk path (batches: one transaction and one invalidation each)', () => {
  beforeEach(async () => {
    await emptyDatabase()
  })

  it('writes what the one-piece path writes, records one invalidation for the batch, and is idempotent', async () => {
    const dir = folder({ 'a.txt': plainPiece(1), 'b.txt': plainPiece(2), 'c.txt': plainPiece(3), 'd.txt': IMPOSSIBLE_DATE })
    const files = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((name) => path.join(dir, name))
    const entries = await invalidationCount()
    const warn = vi.spyOn(t.payload.logger, 'warn')
    const first = await seedFiles(t.payload, files, { log, batchSize: 10 })
    // Written as one batch, new articles together (seed/importer/direct.ts), not piece by piece.
    expect(warn.mock.calls.filter(([line]) => String(line).includes('could not be written whole'))).toEqual([])
    warn.mockRestore()
    expect(first.map((result) => result.status)).toEqual(['created', 'created', 'created', 'failed'])
    // One author for the three pieces: created by the first, found (in the batch) by the others.
    expect(first.map((result) => result.authors.map((author) => author.action))).toEqual([['created'], ['unchanged'], ['unchanged'], []])
    expect(first[3]?.error).toBe(`${files[3]}:2: 31/02/2025 is not a real date (February 2025 has 28 days)`)
    expect(await counts()).toMatchObject({ articles: 3, authors: 1, media: 0, articleVersions: 3 })
    expect(await invalidationCount()).toBe(entries + 1)
    const { docs } = await t.payload.find({ collection: 'invalidations', sort: '-sequence', limit: 1, depth: 0 })
    expect(docs[0]?.tags).toEqual(expect.arrayContaining(['articles:latest']))

    const second = await seedFiles(t.payload, files.slice(0, 3), { log, batchSize: 10 })
    expect(second.map((result) => result.status)).toEqual(['unchanged', 'unchanged', 'unchanged'])
    expect(await counts()).toMatchObject({ articles: 3, authors: 1, articleVersions: 3 })
    // Nothing changed, nothing to expire.
    expect(await invalidationCount()).toBe(entries + 1)
  })

  // The batch's transaction is rolled back before its pieces are written again one by one.
  // Late: its author and photo are written, and its article is refused (its photo has lost its credit),
  // by the batch's check of its new articles at the end (seed/importer/direct.ts), then alone by the Local API.
  unlessStandinCannot('roll back a transaction')('keeps every other piece of a batch when one fails late, and leaves nothing of that one', async () => {
    const dir = folder({ 'a.txt': plainPiece(1), 'b-late.txt': LATE_FAILURE, 'c.txt': plainPiece(3) })
    const files = ['a.txt', 'b-late.txt', 'c.txt'].map((name) => path.join(dir, name))
    const results = await withUncreditedPhotos(() => seedFiles(t.payload, files, { log, batchSize: 10 }))
    expect(results.map((result) => result.status)).toEqual(['created', 'failed', 'created'])
    expect(results[1]?.error).toMatch(/b-late\.txt: failed while writing the article: .*Cannot publish: the lead image "ceasefire-talks[^"]*" \(media \S+\) has no credit/)
    expect(await counts()).toMatchObject({ articles: 2, authors: 1, media: 0 })
    expect(await findOne<Author>('authors', { slug: { equals: 'omar-khalil' } })).toBeUndefined()
    expect(mediaFilesStartingWith('ceasefire-talks')).toEqual([])
  })
})

describe('npm run seed (node server/run-script.ts seed/seed.ts, or payload run seed/seed.ts)', () => {
  /** `bundle`: as `npm run seed` runs it, from the prebuilt bundle; `payload`: through `payload run`. */
  function run(args: string[], env: Record<string, string>, launcher: 'bundle' | 'payload' = 'payload') {
    const command =
      launcher === 'bundle'
        ? [path.join(ROOT, 'server', 'run-script.ts'), 'seed/seed.ts', '--', ...args]
        : [path.join(ROOT, 'node_modules', 'payload', 'bin.js'), 'run', 'seed/seed.ts', ...args]
    return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, command, {
        cwd: ROOT,
        env: { ...process.env, ...env },
      })
      let output = ''
      child.stdout.on('data', (chunk) => (output += chunk))
      child.stderr.on('data', (chunk) => (output += chunk))
      child.on('error', reject)
      child.on('close', (code) => resolve({ code, output }))
    })
  }

  it('loads the good file, reports the broken one with its line, exits 1; --if-empty then does nothing', async () => {
    const dir = mkdtempSync(path.join(work, 'cli-'))
    copyFileSync(REAL_FILE, path.join(dir, 'good.txt'))
    writeFileSync(path.join(dir, 'broken.txt'), IMPOSSIBLE_DATE)
    const env = {
      DATABASE_URI: `file:${path.join(dir, 'cli.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      PAYLOAD_SECRET: 'seed-cli-test-secret-0123456789abcdef',
      SEED_ADMIN_EMAIL: 'admin@masthead.test',
      SEED_ADMIN_PASSWORD: 'correct horse battery staple',
    }

    const first = await run([path.join(dir, 'good.txt'), path.join(dir, 'broken.txt')], env, 'bundle')
    expect(first.code, first.output).toBe(1)
    expect(first.output).toMatch(/✓ good\.txt: parsed \(10 paragraphs\) · author Ahmed Mohammed created · photo created .* article \S+ created/)
    expect(first.output).toContain(`✗ broken.txt: FAILED: ${path.join(dir, 'broken.txt')}:2: 31/02/2025 is not a real date`)
    expect(first.output).toMatch(/Seeded 2 files in [\d.]+ s: 1 created, 0 updated, 0 unchanged, 1 failed/)
    expect(first.output).toContain('admin account admin@masthead.test: created')
    expect(readdirSync(path.join(dir, 'media'))).toContainEqual(expect.stringMatching(/^trump-administration-.*-lead-placeholder\.(webp|jpg)$/))

    // The same database through payload run: both launchers run the same script.
    const second = await run(['--', '--if-empty'], env)
    expect(second.code, second.output).toBe(0)
    expect(second.output).toContain(`SQLite ${path.join(dir, 'cli.db')} already has 1 article: nothing to seed (--if-empty).`)
    expect(second.output).not.toContain('Seeded')
  }, 120_000)

  it('refuses an option that payload run would swallow', async () => {
    const dir = mkdtempSync(path.join(work, 'cli-'))
    const result = await run(['--if-empty'], { DATABASE_URI: `file:${path.join(dir, 'x.db')}`, MEDIA_DIR: path.join(dir, 'media') })
    expect(result.code, result.output).toBe(2)
    expect(result.output).toContain('--if-empty did not reach the seed: put options after "--".')
  }, 60_000)
})

/**
 * Fills the benchmark database up to a given size:
 *
 *   NODE_ENV=production DATABASE_URI=file:… MEDIA_DIR=… \
 *     node server/run-script.ts bench/scale-generate.ts -- --articles 10000 --authors 200 --photos 1000
 *
 * Each number is the total the database should hold afterwards (what is already there counts, the
 * seed piece included), so a second run tops up a smaller database. Photos are generated
 * 1200×800 solid-colour JPEGs with a photographer and an agency (so articles may be published with
 * them), 20 uploaded and the rest copies of those (makePhotos); articles are published, with 6
 * paragraphs of news-shaped text (bench/support/news-text.ts: a Zipf-distributed vocabulary), 1–2
 * authors, a section and 3 tags, dated 40 minutes apart, written through the importer's bulk path
 * (seed/importer/bulk.ts, direct.ts). The rates (articles/s, photos/s) are printed. Photos and
 * authors skip the cache revalidation (`context.disableRevalidate`): no server serves the database yet.
 * Run with NODE_ENV=production: the database is migrated as `npm start` migrates it, never pushed.
 */
import { parseArgs } from 'node:util'
import { getPayload, type Payload } from 'payload'
import sharp from 'sharp'
import { paragraphsToLexical } from '../lib/text/lexical.ts'
import { SECTIONS } from '../lib/content/sections.ts'
import { copyFile, link } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Media } from '../payload-types.ts'
import { Batch, writeBatch } from '../seed/importer/bulk.ts'
import type { NewArticle } from '../seed/importer/direct.ts'
import { slugify } from '../lib/text/slug.ts'
import { newsSentence } from './support/news-text.ts'

const CONTEXT = { disableRevalidate: true }
const BATCH = 250
/**
 * Articles per batch of the bulk path: larger than the importer's default (seed/importer/bulk.ts),
 * as no server shares the database while it is filled, so nothing waits out the batch's write lock.
 */
const ARTICLE_BATCH = Number(process.env.BENCH_ARTICLE_BATCH ?? 200)
/** Writes in flight at once: SQLite takes one writer at a time, but the image work overlaps. */
const PHOTO_CONCURRENCY = 4
const BASE_DATE = Date.parse('2024-01-01T06:00:00Z')
const STEP_MS = 40 * 60_000

export const TAGS = [
  'Elections', 'Climate', 'Energy', 'Trade', 'Diplomacy', 'Courts', 'Health policy', 'Education', 'Housing', 'Transport',
  'Artificial intelligence', 'Space', 'Football', 'Tennis', 'Film', 'Music', 'Books', 'Markets', 'Banking', 'Labour',
  'Migration', 'Defence', 'Agriculture', 'Water', 'Oceans', 'Wildlife', 'Cities', 'Technology policy', 'Privacy', 'Security',
  'Middle East', 'Europe', 'Africa', 'Asia', 'Americas', 'Oceania', 'Science policy', 'Medicine', 'Vaccines', 'Inflation',
]
interface Args {
  articles: number
  authors: number
  photos: number
}

function readArgs(argv: readonly string[]): Args {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: { articles: { type: 'string', default: '100' }, authors: { type: 'string', default: '2' }, photos: { type: 'string', default: '10' } },
  })
  const whole = (key: keyof Args) => {
    const value = Number(values[key])
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${key} needs a whole number, not "${values[key]}"`)
    return value
  }
  return { articles: whole('articles'), authors: whole('authors'), photos: whole('photos') }
}

const pad = (n: number) => String(n).padStart(5, '0')

/** Runs `work` over 0..count-1, `concurrency` at a time. */
async function pool(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await work(next++)
    }),
  )
}

async function progress<T>(label: string, have: number, want: number, make: (index: number) => Promise<T>, concurrency: number): Promise<T[]> {
  const made: T[] = []
  if (have >= want) {
    console.log(`${label}: ${have} already (wanted ${want}), none to make`)
    return made
  }
  const started = performance.now()
  for (let from = have; from < want; from += BATCH) {
    const to = Math.min(want, from + BATCH)
    const batch: T[] = new Array(to - from)
    await pool(to - from, concurrency, async (offset) => {
      batch[offset] = await make(from + offset)
    })
    made.push(...batch)
    const seconds = (performance.now() - started) / 1000
    console.log(`${label}: ${to}/${want}  (${(made.length / seconds).toFixed(1)} per second, ${seconds.toFixed(0)} s)`)
  }
  return made
}

/**
 * Photos: the first DISTINCT_PHOTOS through the Local API (upload, every image size, every hook);
 * each further one a copy of one of those under its own name: its files hard-linked (or copied)
 * under the new name, its document written through the adapter (`payload.db.create`) in batches of
 * one transaction. Pages show a photo by its document and its files' names, whatever the pixels,
 * and the copies spare the image work that made 10,000 photos take hours.
 */
const DISTINCT_PHOTOS = 20

async function makePhotos(payload: Payload, have: number, want: number): Promise<void> {
  const uploaded = Math.min(want, DISTINCT_PHOTOS)
  await progress('photos (uploaded)', have, uploaded, (index) => uploadPhoto(payload, index), PHOTO_CONCURRENCY)
  if (want <= DISTINCT_PHOTOS) return
  const { docs } = await payload.find({ collection: 'media', where: { filename: { like: 'bench-photo-' } }, sort: 'id', limit: DISTINCT_PHOTOS, depth: 0 })
  const sources = docs.filter((doc) => /^bench-photo-\d{5}\.webp$/.test(doc.filename ?? '')).slice(0, DISTINCT_PHOTOS)
  if (sources.length === 0) throw new Error('no uploaded bench photo to copy')
  const staticDir = payload.collections.media.config.upload.staticDir!
  const started = performance.now()
  const first = Math.max(have, uploaded)
  for (let from = first; from < want; from += BATCH) {
    const to = Math.min(want, from + BATCH)
    const batch = await Batch.begin(payload)
    try {
      for (let index = from; index < to; index++) await copyPhoto(payload, batch, sources[index % sources.length]!, index, staticDir)
      await batch.commit()
    } catch (error) {
      await batch.rollback()
      throw error
    }
    const seconds = (performance.now() - started) / 1000
    console.log(`photos: ${to}/${want}  (${((to - first) / seconds).toFixed(1)} per second, ${seconds.toFixed(0)} s; copies of ${sources.length} uploaded)`)
  }
}

const photoText = (index: number) => ({
  alt: `A generated solid-colour photo, number ${index}`,
  caption: `Generated photo ${index} for the scale benchmark.`,
  credit: { creator: `Photographer ${index % 50}`, provider: index % 3 === 0 ? 'AFP' : 'Reuters' },
})

async function uploadPhoto(payload: Payload, index: number) {
  const hue = (index * 47) % 360
  const [r, g, b] = hsl(hue, 0.45, 0.45)
  const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r, g, b } } }).jpeg({ quality: 80 }).toBuffer()
  const name = `bench-photo-${pad(index)}.jpg`
  return payload.create({ collection: 'media', data: photoText(index), file: { data, mimetype: 'image/jpeg', name, size: data.length }, context: CONTEXT })
}

async function copyPhoto(payload: Payload, batch: Batch, source: Media, index: number, staticDir: string): Promise<void> {
  const [from, to] = [`bench-photo-${pad(Number(source.filename!.slice(12, 17)))}`, `bench-photo-${pad(index)}`]
  const { id, createdAt, updatedAt, ...fields } = JSON.parse(JSON.stringify(source).replaceAll(from, to)) as Media
  const files = [source.filename, ...Object.values(source.sizes ?? {}).map((size) => size?.filename)].filter((name): name is string => Boolean(name))
  for (const name of files) {
    const [src, dest] = [path.join(staticDir, name), path.join(staticDir, name.replace(from, to))]
    await link(src, dest).catch(() => copyFile(src, dest))
    batch.uploadedFiles.push(dest)
  }
  const now = new Date().toISOString()
  await payload.db.create({ collection: 'media', data: { ...fields, ...photoText(index), createdAt: now, updatedAt: now }, req: batch.req(), returning: false })
}

async function makeAuthors(payload: Payload, have: number, want: number): Promise<void> {
  await progress('authors', have, want, (index) =>
    payload.create({
      collection: 'authors',
      data: { name: `Bench Author ${pad(index)}`, jobTitle: index % 4 === 0 ? 'Correspondent' : 'Reporter', bio: newsSentence(1_000_000 + index, 24) },
      context: CONTEXT,
    }), 1)
}

async function allIds(payload: Payload, collection: 'authors' | 'media'): Promise<number[]> {
  const { docs } = await payload.find({ collection, pagination: false, depth: 0, sort: 'id', select: {} })
  return docs.map((doc) => Number(doc.id))
}

/**
 * Articles go through the importer's bulk path (seed/importer/bulk.ts), as an import of history
 * would: batches in one transaction each, one invalidation per batch, every hook run.
 */
async function makeArticles(payload: Payload, have: number, want: number): Promise<void> {
  const authors = await allIds(payload, 'authors')
  const photos = await allIds(payload, 'media')
  if (authors.length === 0 || photos.length === 0) throw new Error('articles need at least one author and one photo')
  if (have >= want) {
    console.log(`articles: ${have} already (wanted ${want}), none to make`)
    return
  }
  const started = performance.now()
  for (let from = have; from < want; from += ARTICLE_BATCH) {
    const indexes = Array.from({ length: Math.min(ARTICLE_BATCH, want - from) }, (_, offset) => from + offset)
    const outcomes = await writeBatch(payload, indexes, (index, batch) => writeArticle(payload, index, authors, photos, batch))
    const failed = outcomes.find((outcome) => !outcome.ok)
    if (failed && !failed.ok) throw failed.error
    const seconds = (performance.now() - started) / 1000
    const to = from + indexes.length
    console.log(`articles: ${to}/${want}  (${((to - have) / seconds).toFixed(1)} per second, ${seconds.toFixed(0)} s; bulk path, batches of ${ARTICLE_BATCH}; resident ${(process.memoryUsage.rss() / 2 ** 20).toFixed(0)} MiB)`)
  }
}

function articleData(index: number, authors: number[], photos: number[]): NewArticle {
  const tags = [TAGS[index % TAGS.length]!, TAGS[(index * 7 + 3) % TAGS.length]!, TAGS[(index * 13 + 5) % TAGS.length]!]
  const byline = [authors[index % authors.length]!]
  if (index % 5 === 0) byline.push(authors[(index + 1) % authors.length]!)
  const title = `Bench story ${pad(index)}: ${newsSentence(index * 10 + 8, 8).slice(0, -1)}`
  return {
    title,
    slug: slugify(title),
    standfirst: newsSentence(index * 10 + 9, 22),
    authors: [...new Set(byline)],
    leadImage: photos[index % photos.length],
    body: paragraphsToLexical(Array.from({ length: 6 }, (_, p) => newsSentence(index * 10 + p, 60))),
    section: SECTIONS[index % SECTIONS.length]!.value,
    tags: [...new Set(tags)],
    dateline: index % 2 === 0 ? 'London' : 'Nairobi',
    publishedAt: new Date(BASE_DATE + index * STEP_MS).toISOString(),
  }
}

/** One article: queued in the batch (written with the others at its end), or alone through the Local API when the batch could not be kept whole. */
async function writeArticle(payload: Payload, index: number, authors: number[], photos: number[], batch?: Batch): Promise<void> {
  const data = articleData(index, authors, photos)
  if (batch?.articles) {
    await batch.articles.add(data)
    return
  }
  // The generated types know SQLite's number ids only.
  await payload.create({ collection: 'articles', data: { ...data, _status: 'published' } as never, draft: false, depth: 0 })
}

function hsl(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12
  const a = s * Math.min(l, 1 - l)
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)))
  return [Math.round(f(0) * 255), Math.round(f(8) * 255), Math.round(f(4) * 255)]
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2))
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  try {
    const count = async (collection: 'articles' | 'authors' | 'media') => (await payload.count({ collection })).totalDocs
    const started = performance.now()
    const rate = async (label: string, have: number, make: () => Promise<void>, now: () => Promise<number>) => {
      const from = performance.now()
      await make()
      const made = (await now()) - have
      const seconds = (performance.now() - from) / 1000
      return made > 0 ? `${label} ${made} in ${seconds.toFixed(1)} s (${(made / seconds).toFixed(1)}/s)` : `${label} none made`
    }
    const media = await count('media')
    const photosRate = await rate('photos', media, () => makePhotos(payload, media, args.photos), () => count('media'))
    await makeAuthors(payload, await count('authors'), args.authors)
    const before = await count('articles')
    const articlesRate = await rate('articles', before, () => makeArticles(payload, before, args.articles), () => count('articles'))
    console.log(`rates: ${articlesRate} through the bulk path; ${photosRate}; 1-min load ${os.loadavg()[0]!.toFixed(2)}`)
    const seconds = (performance.now() - started) / 1000
    console.log(
      `database now holds ${await count('articles')} articles, ${await count('authors')} authors, ${await count('media')} photos ` +
        `(${seconds.toFixed(0)} s in all)`,
    )
    return 0
  } catch (error) {
    console.error(error)
    return 1
  } finally {
    await payload.destroy()
  }
}

// `payload run` exits with 0 once the module has loaded: exit here with the real code.
process.exit(await main())

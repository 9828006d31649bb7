import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import type { Article } from '@/payload-types'
import { ArticleParseError } from '@/seed/parse'
import { upsertArticle } from './articles'
import { upsertAuthor } from './authors'
import { type Batch, writeBatch } from './bulk'
import { findOne } from './lookup'
import { upsertPhoto } from './photos'
import { type Plan, planPiece } from './plan'
import { describeError, describeResult, type PieceResult } from './report'
import { PieceWriter } from './writer'

export { DEFAULT_BATCH_SIZE } from './bulk'
export { describeError, describeResult, summarize, type Action, type PieceResult, type PieceStatus } from './report'

/*
 * Structured article → Payload, one file ("piece") at a time.
 *
 * Every Local API call in this module runs with `overrideAccess: true`, the Local API's default, on
 * purpose: the seed is an operator's tool run from a shell, with no user whose permissions could
 * apply. Its writes expire cache tags like any editor's (hooks/expire-pages.ts): through the
 * invalidation log, every server process on the database drops the pages they change.
 *
 * Idempotent: authors are found by slug, the lead photo through the article (or by the file name the
 * seed gave it), the article by slug; a document is written only when a value differs, so a second
 * run reports "unchanged" and creates no new versions.
 *
 * Atomic per piece: with an adapter that has transactions every write of a piece shares one, which
 * is rolled back on failure (uploaded files, which no database transaction covers, are removed).
 * Without (SQLite as configured, MongoDB without a replica set), each write is undone on failure:
 * documents created are deleted (their files with them), documents updated get their values back.
 */

export interface SeedOptions {
  log?: (line: string, level?: 'info' | 'error') => void
  /**
   * Pieces written per batch (the bulk path, bulk.ts): one transaction and one invalidation per
   * batch, same guarantees. 1 (the default) writes each piece on its own.
   */
  batchSize?: number
}

const defaultLog: NonNullable<SeedOptions['log']> = (line, level) =>
  level === 'error' ? console.error(line) : console.log(line)

/** Loads the files one after another; a file that fails leaves nothing behind and does not stop the others. */
export async function seedFiles(payload: Payload, files: readonly string[], options: SeedOptions = {}): Promise<PieceResult[]> {
  const log = options.log ?? defaultLog
  const batchSize = Math.max(1, options.batchSize ?? 1)
  const results: PieceResult[] = []
  for (let from = 0; from < files.length; from += batchSize) {
    const chunk = files.slice(from, from + batchSize)
    const done = batchSize === 1 ? [await seedFile(payload, chunk[0]!, log)] : await seedBatch(payload, chunk, log)
    for (const result of done) {
      log(describeResult(result), result.status === 'failed' ? 'error' : 'info')
      results.push(result)
    }
  }
  return results
}

/** `seed/content/*.txt`, sorted: what `npm run seed` loads without arguments. */
export const CONTENT_DIR = fileURLToPath(new URL('../content', import.meta.url))

// ---------------------------------------------------------------------------------------------
// One piece

const emptyResult = (file: string): PieceResult => ({
  file,
  status: 'failed',
  counts: { created: 0, updated: 0, unchanged: 0 },
  authors: [],
  photo: null,
  article: null,
  paragraphs: 0,
  ms: 0,
})

function succeeded(result: PieceResult, written: Written): void {
  Object.assign(result, written)
  const actions = [...written.authors.map((a) => a.action), written.photo?.action, written.article.action]
  for (const action of actions) {
    if (action === undefined) continue
    result.counts[action === 'replaced' ? 'created' : action] += 1
  }
  result.status =
    written.article.action === 'created' ? 'created' : result.counts.created + result.counts.updated > 0 ? 'updated' : 'unchanged'
}

function failed(result: PieceResult, error: unknown): void {
  result.status = 'failed'
  result.error = error instanceof ArticleParseError ? error.message : `${result.file}: ${describeError(error)}`
  if (error instanceof ArticleParseError) result.line = error.line
}

const warnFor = (file: string, log: NonNullable<SeedOptions['log']>) => (warning: string) => log(`${path.basename(file)}: ${warning}`, 'error')

async function seedFile(payload: Payload, file: string, log: NonNullable<SeedOptions['log']>): Promise<PieceResult> {
  const started = performance.now()
  const result = emptyResult(file)
  try {
    // Everything that can be checked without the database is checked before the first write.
    const plan = await planPiece(file)
    result.paragraphs = plan.parsed.paragraphs.length
    succeeded(result, await writePiece(payload, plan, warnFor(file, log)))
  } catch (error) {
    failed(result, error)
  }
  result.ms = Math.round(performance.now() - started)
  return result
}

/** The bulk path (bulk.ts): the files that parse are written as one batch; one that does not fails alone, before any write. */
async function seedBatch(payload: Payload, files: readonly string[], log: NonNullable<SeedOptions['log']>): Promise<PieceResult[]> {
  const results = files.map(emptyResult)
  const planned: { plan: Plan; result: PieceResult }[] = []
  for (const result of results) {
    const started = performance.now()
    try {
      const plan = await planPiece(result.file)
      result.paragraphs = plan.parsed.paragraphs.length
      planned.push({ plan, result })
    } catch (error) {
      failed(result, error)
    }
    result.ms = performance.now() - started
  }
  const outcomes = await writeBatch(
    payload,
    planned,
    ({ plan, result }, batch) => writePiece(payload, plan, warnFor(result.file, log), batch),
    // The batch's articles, in one read: writePiece then finds each one known (or known to be new).
    async (batch) => {
      const slugs = planned.map(({ plan }) => plan.parsed.slug)
      const { docs } = await payload.find({ collection: 'articles', where: { slug: { in: slugs } }, depth: 0, pagination: false, req: batch.req() })
      for (const slug of slugs) batch.known.set(articleKey(slug), docs.find((doc) => doc.slug === slug))
    },
  )
  outcomes.forEach((outcome, index) => {
    const { result } = planned[index]!
    if (outcome.ok) succeeded(result, outcome.value)
    else failed(result, outcome.error)
    result.ms += outcome.ms
  })
  for (const result of results) result.ms = Math.round(result.ms)
  return results
}

const articleKey = (slug: string) => `articles:${slug}`

type Written = Pick<PieceResult, 'authors' | 'photo'> & { article: NonNullable<PieceResult['article']> }

async function writePiece(payload: Payload, plan: Plan, warn: (line: string) => void, batch?: Batch): Promise<Written> {
  const writer = await PieceWriter.begin(payload, batch)
  try {
    const existingArticle = await writer.lookup(articleKey(plan.parsed.slug), () =>
      findOne<Article>(payload, 'articles', { slug: { equals: plan.parsed.slug } }, writer.req()),
    )
    const authors = []
    for (const author of plan.authors) {
      writer.step = `the author "${author.name}"`
      authors.push(await upsertAuthor(writer, author))
    }
    writer.step = 'the photo'
    const photo = plan.parsed.photo && plan.photoSource
      ? await upsertPhoto(writer, plan.parsed, plan.parsed.photo, plan.photoSource, existingArticle)
      : null
    writer.step = 'the article'
    const article = await upsertArticle(writer, plan.parsed, authors.map((a) => a.id), photo?.id ?? null, existingArticle)
    writer.step = 'committing'
    await writer.commit()
    return { authors, photo, article }
  } catch (error) {
    const undone = await writer.rollback()
    throw new Error(`failed while writing ${writer.step}: ${describeError(error)}. ${undone}`, { cause: error })
  } finally {
    // A placeholder superseded by a real photo goes once the piece is safely in (see upsertPhoto).
    await writer.runAfterCommit(warn)
  }
}

import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import type { Article } from '@/payload-types'
import { ArticleParseError } from '@/seed/parse'
import { upsertArticle } from './articles'
import { upsertAuthor } from './authors'
import { findOne } from './lookup'
import { upsertPhoto } from './photos'
import { type Plan, planPiece } from './plan'
import { describeError, describeResult, type PieceResult } from './report'
import { PieceWriter } from './writer'

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
}

const defaultLog: NonNullable<SeedOptions['log']> = (line, level) =>
  level === 'error' ? console.error(line) : console.log(line)

/** Loads the files one after another; a file that fails leaves nothing behind and does not stop the others. */
export async function seedFiles(payload: Payload, files: readonly string[], options: SeedOptions = {}): Promise<PieceResult[]> {
  const log = options.log ?? defaultLog
  const results: PieceResult[] = []
  for (const file of files) {
    const result = await seedFile(payload, file, log)
    log(describeResult(result), result.status === 'failed' ? 'error' : 'info')
    results.push(result)
  }
  return results
}

/** `seed/content/*.txt`, sorted: what `npm run seed` loads without arguments. */
export const CONTENT_DIR = fileURLToPath(new URL('../content', import.meta.url))

// ---------------------------------------------------------------------------------------------
// One piece

async function seedFile(payload: Payload, file: string, log: NonNullable<SeedOptions['log']>): Promise<PieceResult> {
  const started = performance.now()
  const result: PieceResult = {
    file,
    status: 'failed',
    counts: { created: 0, updated: 0, unchanged: 0 },
    authors: [],
    photo: null,
    article: null,
    paragraphs: 0,
    ms: 0,
  }
  try {
    // Everything that can be checked without the database is checked before the first write.
    const plan = await planPiece(file)
    result.paragraphs = plan.parsed.paragraphs.length
    const written = await writePiece(payload, plan, (warning) => log(`${path.basename(file)}: ${warning}`, 'error'))
    Object.assign(result, written)
    const actions = [...written.authors.map((a) => a.action), written.photo?.action, written.article.action]
    for (const action of actions) {
      if (action === undefined) continue
      result.counts[action === 'replaced' ? 'created' : action] += 1
    }
    result.status =
      written.article.action === 'created' ? 'created' : result.counts.created + result.counts.updated > 0 ? 'updated' : 'unchanged'
  } catch (error) {
    result.status = 'failed'
    result.error = error instanceof ArticleParseError ? error.message : `${file}: ${describeError(error)}`
    if (error instanceof ArticleParseError) result.line = error.line
  }
  result.ms = Math.round(performance.now() - started)
  return result
}

type Written = Pick<PieceResult, 'authors' | 'photo'> & { article: NonNullable<PieceResult['article']> }

async function writePiece(payload: Payload, plan: Plan, warn: (line: string) => void): Promise<Written> {
  const writer = await PieceWriter.begin(payload)
  try {
    const existingArticle = await findOne<Article>(payload, 'articles', { slug: { equals: plan.parsed.slug } }, writer.req())
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

import { readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload, PayloadRequest, Where } from 'payload'
import { SITE_LANGUAGE } from '@/lib/text/language'
import { paragraphsToLexical } from '@/lib/text/lexical'
import { slugify, validateSlug } from '@/lib/text/slug'
import type { Article, Author, Media } from '@/payload-types'
import { ArticleParseError, type ParsedArticle } from '@/seed/parse'
import { parsePiece } from '@/seed/ninjs'
import { findPhotoSource, isPlaceholderFilename, isSeedPhotoFilename, loadPhoto, photoStem, type PhotoSource } from '@/seed/photo'

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

type Id = number | string
export type Action = 'created' | 'updated' | 'unchanged'
export type PieceStatus = Action | 'failed'
type Collection = 'articles' | 'authors' | 'media'

export interface PieceResult {
  /** The path as given. */
  file: string
  /** created: the article is new; updated: something was written; unchanged: nothing was; failed: nothing was kept. */
  status: PieceStatus
  /** Documents of this piece (authors, photo, article) by what happened to them; all zero when it failed. */
  counts: Record<Action, number>
  authors: { id: Id; name: string; slug: string; action: Action }[]
  photo: { id: Id; action: Action | 'replaced'; source: PhotoSource['kind']; filename: string } | null
  article: { id: Id; slug: string; action: Action } | null
  paragraphs: number
  /** What went wrong, starting with the file (and line, for a file that does not parse). */
  error?: string
  /** The line of the text file at fault, for a file that does not parse. */
  line?: number
  ms: number
}

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

interface Plan {
  parsed: ParsedArticle
  authors: { name: string; slug: string }[]
  photoSource: PhotoSource | null
}

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

async function planPiece(file: string): Promise<Plan> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new Error(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? describeError(error)})`)
  }
  const parsed = parsePiece(text, file)
  const authors = new Map<string, { name: string; slug: string }>()
  for (const name of parsed.authors) {
    const slug = slugify(name)
    if (validateSlug(slug) !== true) throw new Error(`cannot make a URL slug from the author name "${name}"`)
    if (!authors.has(slug)) authors.set(slug, { name, slug })
  }
  const photoSource = parsed.photo ? await findPhotoSource(file) : null
  return { parsed, authors: [...authors.values()], photoSource }
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

// ---------------------------------------------------------------------------------------------
// Writes that can be taken back

class PieceWriter {
  step = 'the piece'
  private readonly undo: { label: string; run: () => Promise<void> }[] = []
  private readonly uploadedFiles: string[] = []
  private afterCommit: { label: string; run: () => Promise<void> }[] = []
  private committed = false

  private constructor(
    readonly payload: Payload,
    /** null: the adapter has no transactions; writes are undone one by one instead. */
    private readonly transactionID: Id | null,
  ) {}

  static async begin(payload: Payload): Promise<PieceWriter> {
    return new PieceWriter(payload, await payload.db.beginTransaction())
  }

  /** The request every call of the piece passes: a fresh one each time (Payload mutates it), same transaction. */
  req(): Partial<PayloadRequest> | undefined {
    return this.transactionID === null ? undefined : { transactionID: this.transactionID }
  }

  /**
   * Runs a create. Should it fail after its row was written (in an afterChange hook, say), the row is
   * found again by its natural key so that it can be undone too.
   */
  async create<T extends { id: Id }>(collection: Collection, key: Where, label: string, run: () => Promise<T>): Promise<T> {
    try {
      const doc = await run()
      this.created(collection, doc, label)
      return doc
    } catch (error) {
      if (this.transactionID === null) {
        const leftover = await findOne<{ id: Id }>(this.payload, collection, key).catch(() => undefined)
        if (leftover) this.created(collection, leftover, label)
      }
      throw error
    }
  }

  /** Runs an update of the fields in `previous`, which hold their values before it. */
  async update<T>(collection: Collection, id: Id, previous: Record<string, unknown>, label: string, run: () => Promise<T>): Promise<T> {
    const doc = await run()
    this.undo.push({
      label: `restore ${label}`,
      run: async () => {
        await this.payload.update({ collection, id, data: previous })
      },
    })
    return doc
  }

  onceCommitted(label: string, run: () => Promise<void>): void {
    this.afterCommit.push({ label, run })
  }

  async commit(): Promise<void> {
    if (this.transactionID !== null) await this.payload.db.commitTransaction(this.transactionID)
    this.committed = true
  }

  /** Takes back everything the piece wrote; returns a sentence saying so (or what could not be undone). */
  async rollback(): Promise<string> {
    this.afterCommit = []
    if (this.transactionID !== null) {
      // Payload may already have rolled back when the failing call threw; rolling back twice is harmless.
      const failed = await this.payload.db.rollbackTransaction(this.transactionID).then(
        () => null,
        (error: unknown) => describeError(error),
      )
      const stray = await removeFiles(this.uploadedFiles)
      if (failed) return `Could not roll back the transaction (${failed}).`
      return stray.length === 0
        ? 'Rolled back: nothing from this file was kept.'
        : `Rolled back, but could not remove the uploaded files ${stray.join(', ')}.`
    }
    const failures: string[] = []
    for (const { label, run } of this.undo.reverse()) {
      try {
        await run()
      } catch (error) {
        failures.push(`${label} (${describeError(error)})`)
      }
    }
    if (failures.length > 0) return `Could not undo everything: ${failures.join('; ')}.`
    return this.undo.length === 0 ? 'Nothing from this file was written.' : 'Undone: nothing from this file was kept.'
  }

  async runAfterCommit(warn: (line: string) => void): Promise<void> {
    if (!this.committed) return
    for (const { label, run } of this.afterCommit) {
      try {
        await run()
      } catch (error) {
        warn(`could not ${label}: ${describeError(error)}`)
      }
    }
  }

  private created(collection: Collection, doc: { id: Id }, label: string): void {
    if (collection === 'media') this.uploadedFiles.push(...mediaFiles(this.payload, doc as Media))
    this.undo.push({
      label: `delete ${label}`,
      // Deleting a media document deletes its files too.
      run: async () => {
        await this.payload.delete({ collection, id: doc.id })
      },
    })
  }
}

// ---------------------------------------------------------------------------------------------
// Authors, photo, article

async function upsertAuthor(writer: PieceWriter, { name, slug }: { name: string; slug: string }): Promise<PieceResult['authors'][number]> {
  const { payload } = writer
  const existing = await findOne<Author>(payload, 'authors', { slug: { equals: slug } }, writer.req())
  if (!existing) {
    const doc = await writer.create('authors', { slug: { equals: slug } }, `the author "${name}"`, () =>
      payload.create({ collection: 'authors', data: { name, slug }, req: writer.req() }),
    )
    return { id: doc.id, name, slug, action: 'created' }
  }
  if (existing.name === name) return { id: existing.id, name, slug, action: 'unchanged' }
  await writer.update('authors', existing.id, { name: existing.name }, `the author "${existing.name}"`, () =>
    payload.update({ collection: 'authors', id: existing.id, data: { name }, req: writer.req() }),
  )
  return { id: existing.id, name, slug, action: 'updated' }
}

type PhotoFields = Pick<Media, 'alt' | 'caption'> & { credit: { creator: string | null; provider: string | null; line: string | null } }

async function upsertPhoto(
  writer: PieceWriter,
  parsed: ParsedArticle,
  photo: NonNullable<ParsedArticle['photo']>,
  source: PhotoSource,
  article: Article | undefined,
): Promise<NonNullable<PieceResult['photo']>> {
  const { payload } = writer
  const wanted: PhotoFields = {
    alt: photo.alt,
    caption: photo.caption,
    credit: { creator: photo.credit.creator ?? null, provider: photo.credit.provider ?? null, line: photo.credit.line || null },
  }
  const existing = await findExistingPhoto(writer, parsed.slug, article)

  const create = async (): Promise<Media> => {
    const file = await loadPhoto(source, parsed.slug, photo.credit.line)
    // Only a stem this seed could have given (the real photo or the placeholder of this article) is its key.
    const key: Where = {
      and: [
        { filename: { like: photoStem(parsed.slug, source.kind) } },
        ...(existing ? [{ id: { not_equals: existing.id } }] : []),
      ],
    }
    return writer.create('media', key, `the photo of "${parsed.title}"`, () =>
      payload.create({ collection: 'media', data: wanted, file, req: writer.req() }),
    )
  }

  if (!existing) {
    const doc = await create()
    return { id: doc.id, action: 'created', source: source.kind, filename: doc.filename ?? '' }
  }

  // The real photo has turned up beside the text since the placeholder was made: use it.
  if (source.kind === 'file' && existing.filename && isPlaceholderFilename(existing.filename, parsed.slug)) {
    const doc = await create()
    writer.onceCommitted(`delete the superseded placeholder ${existing.filename}`, () => deleteIfUnused(payload, existing.id))
    return { id: doc.id, action: 'replaced', source: 'file', filename: doc.filename ?? '' }
  }

  // The file is left alone: an editor may have replaced it in the admin.
  const kind = existing.filename && isPlaceholderFilename(existing.filename, parsed.slug) ? 'placeholder' : 'file'
  const current: PhotoFields = {
    alt: existing.alt,
    caption: existing.caption ?? null,
    credit: {
      creator: existing.credit?.creator ?? null,
      provider: existing.credit?.provider ?? null,
      line: existing.credit?.line ?? null,
    },
  }
  if (sameJson(current, wanted)) return { id: existing.id, action: 'unchanged', source: kind, filename: existing.filename ?? '' }
  const previous = { alt: current.alt, caption: current.caption, credit: { ...existing.credit } }
  await writer.update('media', existing.id, previous, `the photo ${existing.filename}`, () =>
    payload.update({
      collection: 'media',
      id: existing.id,
      // Copyright and licence are the editors' to add: kept as they are.
      data: { ...wanted, credit: { ...existing.credit, ...wanted.credit } },
      req: writer.req(),
    }),
  )
  return { id: existing.id, action: 'updated', source: kind, filename: existing.filename ?? '' }
}

/** The article's lead photo if it has one, else a photo this seed uploaded for that article before. */
async function findExistingPhoto(writer: PieceWriter, articleSlug: string, article: Article | undefined): Promise<Media | undefined> {
  const lead = article?.leadImage
  const leadId = typeof lead === 'object' && lead !== null ? lead.id : lead
  if (leadId != null) {
    const media = await findOne<Media>(writer.payload, 'media', { id: { equals: leadId } }, writer.req())
    if (media) return media
  }
  const { docs } = await writer.payload.find({
    collection: 'media',
    where: { filename: { like: `${articleSlug}-lead` } },
    sort: 'createdAt',
    depth: 0,
    limit: 50,
    // Unpaginated: a paginated find counts and reads at once on the one session of the transaction,
    // which MongoDB does not allow (Payload #17053).
    pagination: false,
    req: writer.req(),
  })
  // "like" matches anywhere in the name: keep only the names this seed gives.
  return docs.find((doc) => doc.filename && isSeedPhotoFilename(doc.filename, articleSlug))
}

async function deleteIfUnused(payload: Payload, id: Id): Promise<void> {
  const [articles, authors] = await Promise.all([
    payload.count({ collection: 'articles', where: { leadImage: { equals: id } } }),
    payload.count({ collection: 'authors', where: { photo: { equals: id } } }),
  ])
  if (articles.totalDocs + authors.totalDocs > 0) return
  await payload.delete({ collection: 'media', id })
}

type ArticleFields = Required<Pick<Article, 'title' | 'standfirst' | 'authors' | 'leadImage' | 'body' | 'publishedAt'>> & {
  language: string
  slug: string
  _status: 'published'
}

async function upsertArticle(
  writer: PieceWriter,
  parsed: ParsedArticle,
  authorIds: Id[],
  leadImage: Id | null,
  existing: Article | undefined,
): Promise<NonNullable<PieceResult['article']>> {
  const { payload } = writer
  // The newsroom dates a piece by day: midnight UTC of that day.
  const publishedAt = `${parsed.publishedDate}T00:00:00.000Z`
  const wanted: ArticleFields = {
    title: parsed.title,
    slug: parsed.slug,
    language: parsed.language,
    standfirst: parsed.standfirst,
    // IDs are numbers on SQLite and strings on MongoDB; the generated types only know the first.
    authors: authorIds as number[],
    leadImage: leadImage as number | null,
    body: paragraphsToLexical(parsed.paragraphs),
    publishedAt,
    _status: 'published',
  }
  if (!existing) {
    const doc = await writer.create('articles', { slug: { equals: parsed.slug } }, `the article "${parsed.slug}"`, () =>
      payload.create({
        collection: 'articles',
        // Dated as the piece is: an imported article was not "updated" on the day it was imported.
        data: { ...wanted, createdAt: publishedAt, updatedAt: publishedAt },
        draft: false,
          req: writer.req(),
      }),
    )
    return { id: doc.id, slug: parsed.slug, action: 'created' }
  }

  const current: Record<keyof ArticleFields, unknown> = {
    title: existing.title,
    slug: existing.slug,
    // Stored before articles had a language: the site's, which is what the column defaults to.
    language: existing.language ?? SITE_LANGUAGE,
    standfirst: existing.standfirst ?? null,
    authors: (existing.authors ?? []).map((author) => (typeof author === 'object' ? author.id : author)),
    leadImage: typeof existing.leadImage === 'object' && existing.leadImage !== null ? existing.leadImage.id : (existing.leadImage ?? null),
    body: existing.body ?? null,
    publishedAt: existing.publishedAt ? new Date(existing.publishedAt).toISOString() : null,
    _status: existing._status,
  }
  const changed = (Object.keys(wanted) as (keyof ArticleFields)[]).filter((key) => !sameJson(current[key], wanted[key]))
  if (changed.length === 0) return { id: existing.id, slug: parsed.slug, action: 'unchanged' }

  const data = Object.fromEntries(changed.map((key) => [key, wanted[key]])) as Partial<ArticleFields>
  const previous = Object.fromEntries(changed.map((key) => [key, current[key]]))
  await writer.update('articles', existing.id, previous, `the article "${parsed.slug}"`, () =>
    payload.update({
      collection: 'articles',
      id: existing.id,
      data: { ...data, _status: 'published' },
      draft: false,
      req: writer.req(),
    }),
  )
  return { id: existing.id, slug: parsed.slug, action: 'updated' }
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function findOne<T>(payload: Payload, collection: Collection, where: Where, req?: Partial<PayloadRequest>): Promise<T | undefined> {
  const { docs } = await payload.find({ collection, where, limit: 1, depth: 0, pagination: false, req })
  return docs[0] as T | undefined
}

/** The files a media document has on disk: the original and every generated size. */
function mediaFiles(payload: Payload, doc: Media): string[] {
  const staticDir = payload.collections.media.config.upload.staticDir
  if (!staticDir) return []
  const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
  return names.filter((name): name is string => typeof name === 'string' && name !== '').map((name) => path.join(staticDir, name))
}

/** Removes the files; returns those that could not be removed. */
async function removeFiles(files: string[]): Promise<string[]> {
  const stray: string[] = []
  for (const file of files) {
    await rm(file, { force: true }).catch(() => stray.push(file))
  }
  return stray
}

/** Equality of JSON values, whatever the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  )
}

/** An error as one line: Payload's validation errors name their fields; a failed SQL query gives its cause, not its text. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.message.startsWith('Failed query:') && error.cause instanceof Error) {
    return `the database refused a query: ${describeError(error.cause)}`
  }
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  const detail = fields?.length ? ` (${fields.map((field) => `${field.path}: ${field.message}`).join('; ')})` : ''
  return `${error.message.replace(/\.$/, '')}${detail}`
}

// ---------------------------------------------------------------------------------------------
// Reporting

/** One line per piece: parsed, authors, photo, article, each created / updated / unchanged. */
export function describeResult(result: PieceResult): string {
  const name = path.basename(result.file)
  if (result.status === 'failed') return `✗ ${name}: FAILED: ${result.error}`
  const authors = result.authors.map((author) => `author ${author.name} ${author.action}`)
  const photo = result.photo
    ? `photo ${result.photo.action} (${result.photo.source === 'placeholder' ? 'placeholder: no image beside the text' : 'image beside the text'})`
    : 'no photo'
  const article = result.article ? `article ${result.article.slug} ${result.article.action}` : ''
  return `✓ ${name}: parsed (${result.paragraphs} paragraphs) · ${[...authors, photo, article].join(' · ')} · ${result.ms} ms`
}

export function summarize(results: readonly PieceResult[], ms: number): string {
  const count = (status: PieceStatus) => results.filter((result) => result.status === status).length
  const files = `${results.length} file${results.length === 1 ? '' : 's'}`
  return `Seeded ${files} in ${(ms / 1000).toFixed(2)} s: ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed`
}

import { randomBytes } from 'node:crypto'
import { upsertRow } from '@payloadcms/drizzle'
import { sql } from '@payloadcms/db-sqlite'
import { buildVersionCollectionFields, getDefaultValue, type Payload, type PayloadRequest, type Where } from 'payload'
import { tagsForArticle } from '@/lib/content/cache-tags'
import type { CheckedPhoto } from '@/lib/photos/checks'
import { articlePath } from '@/lib/content/site'
import { type NewArticle, newArticleErrors, photosOf, storedArticle } from './new-article'
import type { Id } from './report'

export type { NewArticle } from './new-article'

/*
 * The bulk path's write of NEW published articles (an archive imported, the scale benchmark's
 * generator), at hundreds per second: the Local API spends ~30 ms on each (its field traversals,
 * every hook's own reads, the read-back of the document and of its version), where the articles of
 * a batch need one check of their authors and photos and a few multi-row inserts.
 *
 * What the Local API's create would store is computed here (the collection's default values, the
 * slug, tags and photos as its hooks derive them, the first version), checked as its hooks check it
 * (types and sizes, control characters, authors and photos that exist, photos with alt text and a
 * credit), and what its afterChange hooks do is done once per batch: photos shown to readers, a
 * redirect at a new article's path dropped, the pages' cache tags expired (in the batch's one log
 * entry), the search index updated after the commit. tests/int/bulk-import.test.ts holds an article
 * written here to be the same as one the Local API writes, field by field and version by version.
 *
 * The rows: on SQLite (Drizzle) through the adapter's own `upsertRow`, which turns a document into
 * its rows (main, `_rels`, `_texts`, arrays…) — told to hand them over instead of inserting them one
 * by one, so the batch inserts each table's rows at once; ids are given, counted on from the largest
 * under the batch's write lock. Elsewhere (MongoDB) through the adapter's `create` and `createVersion`,
 * with ObjectIds made beforehand. Only inside a transaction (the batch's): its rollback takes
 * everything back, and the batch then writes its pieces one at a time through the Local API.
 */

type Row = Record<string, unknown>

interface Queued {
  article: NewArticle
  id: Id
}

/** The new articles of one batch, written together at its end (flush), inside its transaction. */
export class ArticleQueue {
  private readonly queued: Queued[] = []
  private nextId: number | null = null

  constructor(
    private readonly payload: Payload,
    private readonly transactionID: Id,
  ) {}

  get size(): number {
    return this.queued.length
  }

  /**
   * Queues a new article and gives the id it will have: on SQLite counted on from the largest when
   * the batch queues its first, so an article the batch creates through the Local API must come
   * before (after, its id would be taken: the batch then fails whole and is written piece by piece).
   */
  async add(article: NewArticle): Promise<Id> {
    if (this.queued.some((queued) => queued.article.slug === article.slug)) {
      throw new Error(`the batch already creates an article with the slug "${article.slug}"`)
    }
    const id = await this.newId()
    this.queued.push({ article, id })
    return id
  }

  /**
   * Checks and writes every queued article, then does what the afterChange hooks would; returns
   * the cache tags to expire and the ids to index once the batch has committed.
   */
  async flush(req: PayloadRequest): Promise<{ tags: string[]; ids: Id[] }> {
    if (this.queued.length === 0) return { tags: [], ids: [] }
    const now = new Date().toISOString()
    await this.check(req)
    const defaults = await collectionDefaults(this.payload, req)
    const docs = this.queued.map(({ article, id }) => storedArticle(article, defaults, id, now, () => randomBytes(12).toString('hex')))
    if (isDrizzle(this.payload)) await this.insertRows(req, docs, now)
    else await this.insertEach(req, docs, now)
    await showPhotos(req, docs.flatMap((doc) => doc.photos as Id[]))
    await dropShadowingRedirects(req, docs.map((doc) => decodeURI(articlePath(String(doc.slug)))))
    return { tags: tagsForArticle(...docs), ids: docs.map((doc) => doc.id as Id) }
  }

  /** The authors and photos of the whole batch, read once; the first article that fails names itself. */
  private async check(req: PayloadRequest): Promise<void> {
    const authorIds = [...new Set(this.queued.flatMap(({ article }) => (Array.isArray(article.authors) ? article.authors : []).map(String)))]
    const photoIds = [...new Set(this.queued.flatMap(({ article }) => photosOf(article).map(String)))]
    const common = { depth: 0, pagination: false, overrideAccess: true, req } as const
    const userIds = [...new Set(this.queued.flatMap(({ article }) => (article.assignee != null ? [String(article.assignee)] : [])))]
    const [authors, photos, users] = await Promise.all([
      authorIds.length === 0 ? { docs: [] } : this.payload.find({ collection: 'authors', where: { id: { in: authorIds } }, select: {}, ...common }),
      photoIds.length === 0
        ? { docs: [] }
        : this.payload.find({ collection: 'media', where: { id: { in: photoIds } }, select: { alt: true, filename: true, credit: true }, ...common }),
      userIds.length === 0 ? { docs: [] } : this.payload.find({ collection: 'users', where: { id: { in: userIds } }, select: {}, ...common }),
    ])
    const known = (result: { docs: { id: Id }[] }) => new Set(result.docs.map((doc) => String(doc.id)))
    const [knownAuthors, knownUsers] = [known(authors), known(users)]
    const knownPhotos = new Map(photos.docs.map((doc) => [String(doc.id), doc as CheckedPhoto]))
    for (const { article } of this.queued) {
      const errors = newArticleErrors(article, knownAuthors, knownPhotos, knownUsers)
      if (errors.length > 0) {
        throw new Error(`the article "${article.slug}" cannot be published: ${errors.map((error) => `${error.path}: ${error.message}`).join('; ')}`)
      }
    }
  }

  private async newId(): Promise<Id> {
    // MongoDB: an ObjectId from the adapter's own mongoose (its connection's), as the adapter would make on insert.
    if (!isDrizzle(this.payload)) return new (this.payload.db as unknown as MongoLike).connection.base.Types.ObjectId().toHexString()
    if (this.nextId === null) this.nextId = (await largestId(this.payload, this.transactionID, 'articles')) + 1
    return this.nextId++
  }

  /** SQLite: each document's rows as the adapter makes them, then each table's rows in one insert. */
  private async insertRows(req: PayloadRequest, docs: Row[], now: string): Promise<void> {
    const adapter = this.payload.db as unknown as DrizzleLike
    const collection = this.payload.collections.articles.config
    const tableName = adapter.tableNameMap.get('articles')!
    const versionTable = adapter.tableNameMap.get(`_articles${adapter.versionsSuffix}`)!
    const versionFields = buildVersionCollectionFields(this.payload.config, collection, true)
    const rows = new RowCollector()
    let versionId = (await largestId(this.payload, this.transactionID, versionTable)) + 1
    for (const doc of docs) {
      const { id, ...version } = doc
      await upsertRow({ adapter, collectionSlug: 'articles', customID: id, data: { ...doc }, db: rows, fields: collection.flattenedFields, ignoreResult: true, operation: 'create', req, tableName } as never)
      await upsertRow({
        adapter,
        collectionSlug: 'articles',
        customID: versionId++,
        // As Payload's saveVersion writes the first version of a published document.
        data: { autosave: false, createdAt: now, latest: true, parent: id, updatedAt: now, version },
        db: rows,
        fields: versionFields,
        ignoreResult: 'idOnly',
        operation: 'create',
        req,
        tableName: versionTable,
      } as never)
    }
    await rows.insertInto(adapter.sessions[String(this.transactionID)]!.db)
  }

  /** MongoDB: the adapter's own create and first version, one document at a time (it has no batched insert of them). */
  private async insertEach(req: PayloadRequest, docs: Row[], now: string): Promise<void> {
    for (const { id, ...data } of docs) {
      await this.payload.db.create({ collection: 'articles', customID: id as string, data, req, returning: false })
      await this.payload.db.createVersion({
        autosave: false,
        collectionSlug: 'articles',
        createdAt: now,
        parent: id as string,
        req,
        returning: false,
        updatedAt: now,
        versionData: data as never,
      })
    }
  }
}

/** The collection's default values for a new article, as Payload's create gives them (top-level fields). */
async function collectionDefaults(payload: Payload, req: PayloadRequest): Promise<Row> {
  const defaults: Row = {}
  for (const field of payload.collections.articles.config.flattenedFields) {
    if (!('defaultValue' in field) || field.defaultValue === undefined) continue
    defaults[field.name] = await getDefaultValue({ defaultValue: field.defaultValue, locale: undefined, req, user: null })
  }
  return defaults
}

/**
 * A published article shows its photos to readers (hooks/photo-visibility.ts): for new articles
 * that only ever shows, so the flag is set on those not yet shown, without reading every article
 * that shows them (which the hook's recount does, and which grows with the archive).
 */
async function showPhotos(req: PayloadRequest, ids: Id[]): Promise<void> {
  const unique = [...new Map(ids.map((id) => [String(id), id])).values()]
  if (unique.length === 0) return
  const where: Where = { and: [{ id: { in: unique } }, { shownToReaders: { not_equals: true } }] }
  // Straight to the database, as the hook writes it: a flag the server keeps is not an edit of the photo.
  await req.payload.db.updateMany({ collection: 'media', where, data: { shownToReaders: true }, req, returning: false })
}

/** A new article's path wins over a redirect from it (hooks/slug-history.ts movePath), for the whole batch at once. */
async function dropShadowingRedirects(req: PayloadRequest, paths: string[]): Promise<void> {
  const where = { from: { in: paths } }
  const { docs } = await req.payload.find({ collection: 'redirects', where, limit: 1, depth: 0, pagination: false, select: {}, overrideAccess: true, req })
  if (docs.length > 0) await req.payload.delete({ collection: 'redirects', where, overrideAccess: true, req })
}

// ---------------------------------------------------------------------------------------------
// The adapters, as far as this module uses them

interface DrizzleLike {
  tableNameMap: Map<string, string>
  versionsSuffix: string
  tables: Record<string, unknown>
  sessions: Record<string, { db: DrizzleDb } | undefined>
}
interface DrizzleDb {
  insert(table: unknown): { values(rows: Row[]): PromiseLike<unknown> }
  all<T>(query: unknown): Promise<T[]>
}
interface MongoLike {
  connection: { base: { Types: { ObjectId: new () => { toHexString(): string } } } }
}

const isDrizzle = (payload: Payload) => 'drizzle' in payload.db && 'tableNameMap' in payload.db

async function largestId(payload: Payload, transactionID: Id, tableName: string): Promise<number> {
  const adapter = payload.db as unknown as DrizzleLike
  const db = adapter.sessions[String(transactionID)]!.db
  const [row] = await db.all<{ id: number | null }>(sql`select max(id) as id from ${adapter.tables[tableName]}`)
  return Number(row?.id ?? 0)
}

/**
 * Stands in for the Drizzle database `upsertRow` inserts through (`insert(table).values(rows).returning()`):
 * keeps the rows, by table in the order first written (parents before their children), and gives
 * them back as inserted (their ids are given). `insertInto` then writes each table's rows at once,
 * in statements kept under SQLite's limit of bound parameters.
 */
class RowCollector {
  private readonly byTable = new Map<unknown, Row[]>()

  insert(table: unknown) {
    return {
      values: (values: Row | Row[]) => ({
        returning: async () => {
          const rows = Array.isArray(values) ? values : [values]
          const kept = this.byTable.get(table) ?? []
          kept.push(...rows)
          this.byTable.set(table, kept)
          return rows
        },
      }),
    }
  }

  async insertInto(db: DrizzleDb): Promise<void> {
    const MAX_PARAMETERS = 30_000
    for (const [table, rows] of this.byTable) {
      const columns = Math.max(1, Object.keys((table as Record<string, unknown>) ?? {}).length)
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns))
      for (let from = 0; from < rows.length; from += perStatement) await db.insert(table).values(rows.slice(from, from + perStatement))
    }
  }
}

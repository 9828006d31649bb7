import { randomUUID } from 'node:crypto'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { drizzle } from '@payloadcms/db-sqlite/drizzle/libsql'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { deferTags, expireTags } from '@/lib/invalidation/expire'
import { indexNewArticles } from '@/lib/search/sync'
import { ArticleQueue } from './direct'
import { describeError, type Id } from './report'
import { type BatchLink, removeFiles } from './writer'

/*
 * The bulk path: pieces written in batches, each batch in one transaction, with one invalidation
 * (one log entry, one expiry) for everything the batch changed instead of one per document.
 *
 * Every guarantee of the one-piece path holds. Idempotent: the same upserts run (found by slug, written
 * only when a value differs). All or nothing per piece: should any piece of a batch fail, the whole
 * batch is rolled back (its uploaded files removed) and its pieces are written again one at a time,
 * each in its own transaction or undo log, so the failure stays that piece's, with the same error
 * the one-piece path gives. Without a transaction to share (MongoDB without a replica set) each piece
 * of the batch keeps its own undo log; the invalidations are still coalesced.
 */

/**
 * Pieces per batch. A batch holds SQLite's write lock from its first write to its commit, and the
 * server's own writes (an editor's save) wait it out, up to the busy timeout (5 s): 50 text pieces
 * take ~0.15 s (~380 pieces/s with new articles written together, direct.ts); a piece with a photo
 * to upload adds its image work (the sizes), so 50 of those take seconds. (With every piece through
 * the Local API, 100 gained little over 50, 25 lost a little.)
 */
export const DEFAULT_BATCH_SIZE = 50

export class Batch implements BatchLink {
  /** Tags the batch's writes expire, collected by lib/invalidation/expire.ts and expired once, at commit. */
  private readonly tags = new Set<string>()
  readonly context: Record<string, unknown>
  readonly uploadedFiles: string[] = []
  readonly known = new Map<string, unknown>()
  private readonly afterCommit: { label: string; run: () => Promise<void>; warn: (line: string) => void }[] = []
  /** New published articles, written together at the end of the batch (direct.ts); only inside a transaction. */
  readonly articles: ArticleQueue | null

  private constructor(
    private readonly payload: Payload,
    readonly transactionID: Id | null,
  ) {
    this.context = deferTags(this.tags)
    this.articles = transactionID === null ? null : new ArticleQueue(payload, transactionID)
  }

  /**
   * The adapter's transaction where it is configured with one. SQLite is configured without (the
   * server's concurrent requests each commit their own writes), but an import is one writer that
   * gains most from one: without, every statement commits and syncs on its own. So a batch on
   * SQLite opens one itself, on the importer's own connection (writerConnection), taking the write
   * lock at once, and registers it where the adapter keeps its transactions.
   */
  static async begin(payload: Payload): Promise<Batch> {
    let id = await payload.db.beginTransaction()
    if (id === null && payload.db.packageName === '@payloadcms/db-sqlite') {
      const adapter = payload.db as unknown as SQLiteAdapter
      const writer = await writerConnection(adapter)
      await writer.$client.execute('BEGIN IMMEDIATE')
      id = randomUUID()
      adapter.sessions[id] = {
        db: writer as never,
        resolve: async () => void (await writer.$client.execute('COMMIT')),
        // Some errors (a full disk) end the transaction in SQLite already; there is then nothing to undo.
        reject: async () => void (await writer.$client.execute('ROLLBACK').catch(() => {})),
      }
    }
    return new Batch(payload, id)
  }

  /** The request of a read or write of the batch as a whole. */
  req(): Partial<PayloadRequest> {
    return this.transactionID === null ? { context: this.context } : { transactionID: this.transactionID, context: this.context }
  }

  later(work: { label: string; run: () => Promise<void> }[], warn: (line: string) => void): void {
    this.afterCommit.push(...work.map((item) => ({ ...item, warn })))
  }

  /** Records the batch's tags in the invalidation log inside its transaction, commits, then expires them here and runs the deferred work. */
  async commit(): Promise<void> {
    const req = await createLocalReq({ context: this.context, req: this.transactionID === null ? {} : { transactionID: this.transactionID } }, this.payload)
    if (this.articles && this.articles.size > 0) {
      const { tags, ids } = await this.articles.flush(req)
      for (const tag of tags) this.tags.add(tag)
      // As the search-index hook does for one article, after the commit: the batch's at once.
      this.afterCommit.push({ label: 'index the articles for search', run: () => indexNewArticles(this.payload, ids), warn: (line) => this.payload.logger.error(line) })
    }
    if (this.tags.size > 0) {
      // Its own request: without the batch's context, which would only collect them again.
      const logReq = await createLocalReq({ req: this.transactionID === null ? {} : { transactionID: this.transactionID } }, this.payload)
      await expireTags([...this.tags], logReq)
    }
    if (this.transactionID !== null) await this.payload.db.commitTransaction(this.transactionID)
    for (const { label, run, warn } of this.afterCommit) {
      try {
        await run()
      } catch (error) {
        warn(`could not ${label}: ${describeError(error)}`)
      }
    }
  }

  async rollback(): Promise<void> {
    // Payload may already have rolled back when the failing call threw; rolling back twice is harmless.
    if (this.transactionID !== null) await this.payload.db.rollbackTransaction(this.transactionID).catch(() => {})
    await removeFiles(this.uploadedFiles)
  }
}

/**
 * The importer's SQLite connection, one per adapter, opened at its first batch and kept for the
 * next ones. Not `client.transaction()` (Drizzle's transaction on libsql): that hands the client's
 * connection to the transaction and opens a new one for what follows, never closing the old, so every
 * batch leaked a connection with its page cache (4.4 GB at 55,000 articles; upstream
 * tursodatabase/libsql-client-ts#350) and left the client a cold one. Same file, same settings as
 * the adapter's own connection (db-sqlite's connect: WAL is the file's, the rest per connection).
 */
const writers = new WeakMap<SQLiteAdapter, ReturnType<typeof openWriter>>()

function writerConnection(adapter: SQLiteAdapter): ReturnType<typeof openWriter> {
  let writer = writers.get(adapter)
  if (!writer) writers.set(adapter, (writer = openWriter(adapter)))
  return writer
}

async function openWriter(adapter: SQLiteAdapter) {
  await adapter.initializing
  const db = drizzle({ connection: adapter.clientConfig, schema: adapter.schema, logger: adapter.logger ?? false })
  if (adapter.busyTimeout > 0) await db.$client.execute(`PRAGMA busy_timeout = ${adapter.busyTimeout}`)
  if (adapter.wal) await db.$client.execute(`PRAGMA synchronous = ${adapter.wal.synchronous}`)
  return db
}

/**
 * SQLite's query planner picks indexes from the statistics ANALYZE writes (payload.config.ts gathers
 * them at start). An import into a nearly empty database keeps the start's, which say each table
 * holds a row or two, so a lookup may take an index that reads every article: the 100,000-article
 * fill fell from 260 to under 100 articles per second. The importer gathers them again (bounded to
 * 1,000 rows per index) whenever the pieces it has written since the last time have doubled, and
 * has every connection of the process read them.
 */
export const FIRST_STATISTICS_AT = 1_000

/** Whether to gather statistics again: `written` pieces so far, the last time at `last` (pure). */
export function statisticsDue(written: number, last: number): boolean {
  return written >= Math.max(FIRST_STATISTICS_AT, 2 * last)
}

const statistics = new WeakMap<object, { written: number; last: number }>()

async function keepStatistics(payload: Payload, pieces: number): Promise<void> {
  if (payload.db.packageName !== '@payloadcms/db-sqlite') return
  const state = statistics.get(payload.db) ?? { written: 0, last: 0 }
  statistics.set(payload.db, state)
  state.written += pieces
  if (!statisticsDue(state.written, state.last)) return
  state.last = state.written
  const adapter = payload.db as unknown as SQLiteAdapter
  try {
    const writer = await writerConnection(adapter)
    await writer.$client.execute('PRAGMA analysis_limit = 1000')
    await writer.$client.execute('ANALYZE')
    // A connection reads the statistics when it loads the schema: the adapter's own is told to read them again.
    await adapter.client.execute('ANALYZE sqlite_schema')
  } catch (error) {
    // The batch is in: slower lookups are no reason to report it failed.
    payload.logger.warn(`Could not refresh the query planner's statistics: ${describeError(error)}`)
  }
}

export type Settled<R> = { ok: true; value: R; ms: number } | { ok: false; error: unknown; ms: number }

async function settle<R>(run: () => Promise<R>): Promise<Settled<R>> {
  const started = performance.now()
  try {
    const value = await run()
    return { ok: true, value, ms: performance.now() - started }
  } catch (error) {
    return { ok: false, error, ms: performance.now() - started }
  }
}

/**
 * Writes `items` as one batch: `write(item, batch)` writes one piece (through a PieceWriter begun
 * with the batch) and throws when it fails. Returns each item's outcome in order; when the batch
 * could not be kept whole, the outcomes are those of each piece written alone (`write(item)`).
 */
export async function writeBatch<T, R>(
  payload: Payload,
  items: readonly T[],
  write: (item: T, batch?: Batch) => Promise<R>,
  /** Reads for the whole batch at once (into `batch.known`), before its first write. */
  prefetch?: (batch: Batch) => Promise<void>,
): Promise<Settled<R>[]> {
  const batch = await Batch.begin(payload)
  try {
    await prefetch?.(batch)
  } catch {
    batch.known.clear()
  }
  if (batch.transactionID === null) {
    const outcomes: Settled<R>[] = []
    for (const item of items) outcomes.push(await settle(() => write(item, batch)))
    await batch.commit()
    return outcomes
  }
  const outcomes: Settled<R>[] = []
  try {
    for (const item of items) {
      const outcome = await settle(() => write(item, batch))
      if (!outcome.ok) throw outcome.error
      outcomes.push(outcome)
    }
    await batch.commit()
    await keepStatistics(payload, items.length)
    return outcomes
  } catch (error) {
    await batch.rollback()
    // Said, not hidden: each piece alone is correct but many times slower.
    payload.logger.warn(`A batch of ${items.length} could not be written whole (${describeError(error)}): writing its pieces one at a time.`)
    const alone: Settled<R>[] = []
    for (const item of items) alone.push(await settle(() => write(item)))
    return alone
  }
}

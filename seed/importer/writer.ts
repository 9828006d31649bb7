import { rm } from 'node:fs/promises'
import path from 'node:path'
import type { Payload, PayloadRequest, Where } from 'payload'
import type { Media } from '@/payload-types'
import type { ArticleQueue, NewArticle } from './direct'
import { findOne } from './lookup'
import { type Collection, describeError, type Id } from './report'

/*
 * Writes that can be taken back: the piece's transaction where the adapter has one, else an undo
 * log of every create and update (see index.ts for the guarantee). A piece written as part of a
 * batch (bulk.ts) shares the batch's transaction, and the batch commits or rolls back for it.
 */

/** What the pieces of one batch share (bulk.ts): its transaction, the context of its writes, its uploaded files and its after-commit work. */
export interface BatchLink {
  readonly transactionID: Id | null
  readonly context: Record<string, unknown>
  readonly uploadedFiles: string[]
  /** Documents already looked up or written by the batch's pieces, by natural key ("authors:<slug>"): read once per batch. */
  readonly known: Map<string, unknown>
  /** Where the batch collects its new published articles, to write them at once (direct.ts); null without a transaction. */
  readonly articles: ArticleQueue | null
  later(work: { label: string; run: () => Promise<void> }[], warn: (line: string) => void): void
}

export class PieceWriter {
  step = 'the piece'
  private readonly undo: { label: string; run: () => Promise<void> }[] = []
  private readonly uploadedFiles: string[] = []
  private afterCommit: { label: string; run: () => Promise<void> }[] = []
  private committed = false

  private constructor(
    readonly payload: Payload,
    /** null: the adapter has no transactions; writes are undone one by one instead. */
    private readonly transactionID: Id | null,
    private readonly batch?: BatchLink,
  ) {}

  static async begin(payload: Payload, batch?: BatchLink): Promise<PieceWriter> {
    return new PieceWriter(payload, batch ? batch.transactionID : await payload.db.beginTransaction(), batch)
  }

  /** The request every call of the piece passes: a fresh one each time (Payload mutates it), same transaction. */
  req(): Partial<PayloadRequest> | undefined {
    const context = this.batch?.context
    if (this.transactionID === null) return context ? { context } : undefined
    return { transactionID: this.transactionID, ...(context ? { context } : {}) }
  }

  /** A document by natural key: looked up once per batch (`find` runs when the batch has not seen it), or every time outside a batch. */
  async lookup<T>(key: string, find: () => Promise<T | undefined>): Promise<T | undefined> {
    const known = this.batch?.known
    if (known?.has(key)) return known.get(key) as T | undefined
    const found = await find()
    known?.set(key, found)
    return found
  }

  /** What the piece wrote under a natural key, for the next pieces of the batch. */
  remember(key: string, doc: unknown): void {
    this.batch?.known.set(key, doc)
  }

  /** Whether the batch's transaction holds this piece's writes: the batch, not the piece, commits or rolls back. */
  private get inBatchTransaction(): boolean {
    return this.batch !== undefined && this.transactionID !== null
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

  /**
   * A new published article written with the batch's others at its end (direct.ts): its id, or
   * null outside a batch that can (the caller then creates it through the Local API).
   */
  async queueArticle(article: NewArticle): Promise<Id | null> {
    const queue = this.batch?.articles
    return queue ? queue.add(article) : null
  }

  onceCommitted(label: string, run: () => Promise<void>): void {
    this.afterCommit.push({ label, run })
  }

  async commit(): Promise<void> {
    if (this.transactionID !== null && !this.inBatchTransaction) await this.payload.db.commitTransaction(this.transactionID)
    this.committed = true
  }

  /** Takes back everything the piece wrote; returns a sentence saying so (or what could not be undone). */
  async rollback(): Promise<string> {
    this.afterCommit = []
    // The batch rolls back its transaction (and removes every file its pieces uploaded), then writes each piece alone.
    if (this.inBatchTransaction) return 'The batch is rolled back.'
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
    if (this.inBatchTransaction) {
      this.batch!.later(this.afterCommit, warn)
      return
    }
    for (const { label, run } of this.afterCommit) {
      try {
        await run()
      } catch (error) {
        warn(`could not ${label}: ${describeError(error)}`)
      }
    }
  }

  private created(collection: Collection, doc: { id: Id }, label: string): void {
    if (collection === 'media') (this.inBatchTransaction ? this.batch!.uploadedFiles : this.uploadedFiles).push(...mediaFiles(this.payload, doc as Media))
    this.undo.push({
      label: `delete ${label}`,
      // Deleting a media document deletes its files too.
      run: async () => {
        await this.payload.delete({ collection, id: doc.id })
      },
    })
  }
}

/** The files a media document has on disk: the original and every generated size. */
function mediaFiles(payload: Payload, doc: Media): string[] {
  const staticDir = payload.collections.media.config.upload.staticDir
  if (!staticDir) return []
  const names = [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)]
  return names.filter((name): name is string => typeof name === 'string' && name !== '').map((name) => path.join(staticDir, name))
}

/** Removes the files; returns those that could not be removed. */
export async function removeFiles(files: string[]): Promise<string[]> {
  const stray: string[] = []
  for (const file of files) {
    await rm(file, { force: true }).catch(() => stray.push(file))
  }
  return stray
}

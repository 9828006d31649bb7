/**
 * Runs work once a request's database transaction has committed. Payload 3 has no after-commit hook:
 * its operations begin a transaction (`req.transactionID`), run the collection hooks inside it and
 * commit at the end through `payload.db.commitTransaction` (the importer does the same by hand). So
 * the adapter's commit and rollback are wrapped, once per adapter object: work registered for a
 * transaction runs after its commit succeeded, and is dropped when it rolls back.
 *
 * Without a transaction (SQLite as configured, MongoDB without a replica set; Payload then leaves a
 * promise of null in `req.transactionID`) each write is committed when it returns: the work runs at once.
 */
import type { Id } from '@/lib/content/populated'

type Work = () => Promise<void> | void

export interface TransactionalDb {
  commitTransaction: (id: Id | Promise<Id | null>) => Promise<void>
  rollbackTransaction: (id: Id | Promise<Id | null>) => Promise<void>
  /** Open transactions by id: both the SQLite (Drizzle) and the MongoDB adapter keep this map. */
  sessions?: Record<string, unknown>
}

const pendingByDb = new WeakMap<TransactionalDb, Map<Id, Work[]>>()

function install(db: TransactionalDb): Map<Id, Work[]> {
  const existing = pendingByDb.get(db)
  if (existing) return existing
  const pending = new Map<Id, Work[]>()
  pendingByDb.set(db, pending)
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (incoming) => {
    const id = await incoming
    await commit(incoming)
    if (id === null) return
    const work = pending.get(id) ?? []
    pending.delete(id)
    await runAll(work)
  }
  db.rollbackTransaction = async (incoming) => {
    const id = await incoming
    if (id !== null) pending.delete(id)
    await rollback(incoming)
  }
  return pending
}

/** Runs `work` after the transaction of `req` commits, or now when there is none (or it has ended). */
export async function afterCommit(
  req: { transactionID?: Id | Promise<Id | null> | null | undefined; payload: { db: unknown } },
  work: Work,
): Promise<void> {
  const db = req.payload.db as TransactionalDb
  const pending = install(db)
  const id = await req.transactionID
  // An id the adapter no longer holds has already committed (or rolled back): nothing to wait for.
  if (id === null || id === undefined || (db.sessions && !(String(id) in db.sessions))) {
    await runAll([work])
    return
  }
  const list = pending.get(id) ?? []
  list.push(work)
  pending.set(id, list)
}

async function runAll(work: Work[]): Promise<void> {
  for (const run of work) {
    try {
      await run()
    } catch (error) {
      // The change is committed whatever happens here; one failed piece of follow-up must not stop the rest.
      console.error('[masthead] after-commit work failed:', error)
    }
  }
}

import type { Payload } from 'payload'
import {
  INVALIDATIONS_SLUG,
  KEEP_ENTRIES_MS,
  LogCursor,
  POLL_INTERVAL_MS,
  parseTags,
  type LogEntry,
} from './log'
import { applyTags, newestSequence, processOrigin } from './expire'

/**
 * Reads the invalidation log every POLL_INTERVAL_MS (an indexed range read on `sequence`) and
 * applies the entries other processes wrote; prunes entries older than KEEP_ENTRIES_MS now and then.
 * Starts by taking in what is already committed (its changes are what every later read sees), so
 * only entries committed afterwards are applied; the look-back window still catches one that took
 * its sequence before the start but committed after it.
 */
export interface PollerOptions {
  /** What to do with an entry's tags; by default, expire them in this process. */
  apply?: (tags: string[]) => Promise<void> | void
  /** Entries from this origin are skipped (they were applied after their commit); null: skip none. */
  skipOrigin?: string | null
  intervalMs?: number
}

export interface Poller {
  /** One read of the log, applied (what the timer runs); resolves to the entries it applied. */
  poll(): Promise<LogEntry[]>
  stop(): void
}

const PRUNE_EVERY = 600 // polls: once a minute

export async function startInvalidationPoller(payload: Payload, options: PollerOptions = {}): Promise<Poller> {
  const apply = options.apply ?? ((tags: string[]) => applyTags(tags, payload))
  const skipOrigin = options.skipOrigin === undefined ? processOrigin() : options.skipOrigin
  const cursor = new LogCursor(await newestSequence(payload))
  const window = async () => {
    const { docs: rows } = await payload.find({
      collection: INVALIDATIONS_SLUG,
      where: { sequence: { greater_than: cursor.since } },
      sort: 'sequence',
      pagination: false,
      depth: 0,
    })
    return cursor.accept(rows.map((row) => ({ ...row, tags: parseTags(row.tags) })))
  }
  // What is committed now, every read after this sees: only entries that commit later need applying.
  await window()
  let polls = 0
  let running: Promise<LogEntry[]> | null = null

  const read = async (): Promise<LogEntry[]> => {
    const fresh = await window()
    const others = fresh.filter((entry) => skipOrigin === null || entry.origin !== skipOrigin)
    const tags = others.flatMap((entry) => entry.tags)
    if (tags.length > 0) await apply([...new Set(tags)])
    if (++polls % PRUNE_EVERY === 0) await pruneInvalidations(payload)
    return others
  }
  // One read at a time: a slow database must not pile reads up.
  const poll = () => (running ??= read().finally(() => (running = null)))

  const timer = setInterval(() => {
    poll().catch((error: unknown) => payload.logger.warn({ msg: 'reading the invalidation log failed', err: error }))
  }, options.intervalMs ?? POLL_INTERVAL_MS)
  timer.unref()
  return { poll, stop: () => clearInterval(timer) }
}

/** Deletes the entries no process will read again. */
export async function pruneInvalidations(payload: Payload): Promise<void> {
  await payload.db.deleteMany({
    collection: INVALIDATIONS_SLUG,
    where: { sequence: { less_than: Date.now() - KEEP_ENTRIES_MS } },
  })
}

const POLLER_KEY = Symbol.for('masthead.invalidation-poller')

/**
 * Starts this process's poller once, the first time the reader site asks for Payload (which waits
 * for it, so that no page is read before the poller follows the log): a process that serves reader
 * pages has caches to keep true; one that only writes (a script) has none.
 */
export function ensureInvalidationPoller(payload: Payload): Promise<Poller> {
  const holder = globalThis as { [POLLER_KEY]?: Promise<Poller> }
  holder[POLLER_KEY] ??= startInvalidationPoller(payload).catch((error: unknown) => {
    delete holder[POLLER_KEY]
    throw error
  })
  return holder[POLLER_KEY]
}

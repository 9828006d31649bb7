/**
 * The invalidation log's ordering rules, pure so that they are unit-tested without a database.
 *
 * Every change that expires cache tags appends an entry (tags, sequence, origin) to the hidden
 * `invalidations` collection, in the writer's transaction; every server process polls the entries
 * after the last sequence it saw and expires their tags locally (lib/invalidation/poller.ts).
 *
 * The sequence is a hybrid clock: the writer's wall clock in milliseconds, but always past the
 * newest entry it can see (`nextSequence`). On SQLite writers are serialised, so sequences grow in
 * commit order. On MongoDB two transactions may read the same newest entry and commit in either
 * order, and clocks of different machines drift: the reader therefore looks `LOOKBACK_MS` behind
 * the newest sequence it has seen and skips the entries it already applied, by id (`LogCursor`).
 */
export const INVALIDATIONS_SLUG = 'invalidations'

/** How far behind its newest sequence a reader looks again, for entries committed late. */
export const LOOKBACK_MS = 10_000
/** How often each server process reads the log: well inside the 250 ms a change may take to arrive. */
export const POLL_INTERVAL_MS = 100
/** Entries older than this are deleted: a process that was away longer starts with an empty cache. */
export const KEEP_ENTRIES_MS = 60 * 60 * 1000

export function nextSequence(now: number, newest: number | null | undefined): number {
  return Math.max(Math.floor(now), (newest ?? 0) + 1)
}

export interface LogEntry {
  id: number | string
  sequence: number
  tags: string[]
  origin?: string | null
}

/** What one reader has applied: the newest sequence, and the ids inside the look-back window. */
export class LogCursor {
  #newest: number
  readonly #seen = new Map<string, number>()

  constructor(newest: number) {
    this.#newest = newest
  }

  /** Read entries with a sequence greater than this. */
  get since(): number {
    return this.#newest - LOOKBACK_MS
  }

  /** The entries not applied yet (each id once), in sequence order; remembers them as applied. */
  accept(entries: readonly LogEntry[]): LogEntry[] {
    const fresh: LogEntry[] = []
    for (const entry of [...entries].sort((a, b) => a.sequence - b.sequence)) {
      const key = String(entry.id)
      if (this.#seen.has(key)) continue
      this.#seen.set(key, entry.sequence)
      this.#newest = Math.max(this.#newest, entry.sequence)
      fresh.push(entry)
    }
    // Ids behind the window will not be read again: forget them.
    for (const [key, sequence] of this.#seen) if (sequence <= this.since) this.#seen.delete(key)
    return fresh
  }
}

/** Stored tags as they come back from either adapter (a JSON field: an array, or text holding one). */
export function parseTags(value: unknown): string[] {
  const list = typeof value === 'string' ? safeJson(value) : value
  return Array.isArray(list) ? list.filter((tag): tag is string => typeof tag === 'string') : []
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

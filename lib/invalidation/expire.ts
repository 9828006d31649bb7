import { randomUUID } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { afterCommit } from './after-commit'
import { INVALIDATIONS_SLUG, nextSequence } from './log'
import { pageCache } from '@/server/page-cache'
import { purgeSharedCaches } from '@/server/shared-cache-purge'

/**
 * The one entry point for writers: expire these cache tags everywhere. Called by the collection
 * hooks (hooks/expire-pages.ts) with the request of the change, in whatever process made it (server,
 * importer, job runner, a `payload run` script).
 *
 * 1. Records the tags in the invalidation log, inside the writer's transaction: the entry commits
 *    with the change or not at all, and every other server process applies it (lib/invalidation/poller.ts).
 * 2. Once the change has committed, expires the tags in this process. Not before: a reader racing
 *    the transaction would read the old content after the expiry and cache it as new.
 */
export async function expireTags(tags: string[], req: PayloadRequest): Promise<void> {
  const unique = [...new Set(tags)]
  if (unique.length === 0) return
  const deferred = deferredTags(req)
  if (deferred) {
    for (const tag of unique) deferred.add(tag)
    return
  }
  await recordInvalidation(unique, req)
  await afterCommit(req, () => applyTags(unique))
}

const DEFERRED = 'masthead.deferredTags'

/**
 * A request whose writes are one batch (the importer's bulk path, seed/importer/bulk.ts) collects
 * the tags they expire in this set instead, and expires them all at once, in one log entry, at the
 * end of the batch (inside its transaction, like any writer).
 */
export function deferTags(tags: Set<string>): Record<string, unknown> {
  return { [DEFERRED]: tags }
}

function deferredTags(req: PayloadRequest): Set<string> | undefined {
  const value = req.context?.[DEFERRED]
  return value instanceof Set ? (value as Set<string>) : undefined
}

/** This process, as the invalidation log names it: its own entries were applied when they committed. */
export function processOrigin(): string {
  const holder = globalThis as { [ORIGIN_KEY]?: string }
  holder[ORIGIN_KEY] ??= randomUUID()
  return holder[ORIGIN_KEY]
}
const ORIGIN_KEY = Symbol.for('masthead.process-origin')

/** The newest sequence in the log, 0 when it is empty; read inside `req`'s transaction when given. */
export async function newestSequence(payload: Payload, req?: PayloadRequest): Promise<number> {
  const { docs } = await payload.find({
    collection: INVALIDATIONS_SLUG,
    sort: '-sequence',
    limit: 1,
    pagination: false,
    depth: 0,
    select: { sequence: true },
    req,
  })
  return docs[0]?.sequence ?? 0
}

async function recordInvalidation(tags: string[], req: PayloadRequest): Promise<void> {
  await req.payload.create({
    collection: INVALIDATIONS_SLUG,
    data: { sequence: nextSequence(Date.now(), await newestSequence(req.payload, req)), tags, origin: processOrigin() },
    depth: 0,
    req,
  })
}

interface NextIncrementalCache {
  revalidateTag(tags: string[], durations: { expire: number }): Promise<void>
}

/**
 * Expires tags in this process only: the data Next.js cached for them (`unstable_cache` in
 * lib/content/queries.ts), then the rendered pages (server/page-cache.ts), so that a page rendered after this
 * reads fresh data. At once, not stale-while-revalidate: after an unpublish the very next reader must
 * not get the old page. Next's own `revalidateTag` works only inside a request (and applies when the
 * response ends), while the log's poller runs outside one: both go to the incremental cache the
 * server's requests share. A process that has served no request (a CLI script) has no data cache.
 */
export async function applyTags(tags: readonly string[], payload?: Payload): Promise<void> {
  const incremental = (globalThis as { __incrementalCache?: NextIncrementalCache }).__incrementalCache
  try {
    await incremental?.revalidateTag([...tags], { expire: 0 })
  } catch (error) {
    payload?.logger.error({ msg: 'expiring the Next.js data cache failed', err: error })
  }
  pageCache().invalidate(tags)
  // Last, once this process can only render fresh pages: a shared cache refetching now gets one.
  purgeSharedCaches(tags, payload?.logger)
}

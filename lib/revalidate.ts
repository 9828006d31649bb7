import { revalidateTag } from 'next/cache'
import type { Payload } from 'payload'
import { pageCache } from './page-cache'
import { purgeSharedCaches } from './shared-cache-purge'

/**
 * Expires cache tags at once (not stale-while-revalidate): after an unpublish, the very next reader
 * must not be served the old page. Drops the rendered pages (`lib/page-cache.ts`) and the data they
 * were read from. Outside a Next.js server (a CLI script) there is no data cache to expire.
 */
export function expireTags(tags: string[], payload: Payload): void {
  const unique = new Set(tags)
  pageCache().invalidate(unique)
  purgeSharedCaches(unique, payload.logger)
  for (const tag of unique) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch (error) {
      payload.logger.debug({ msg: `no Next.js cache to revalidate "${tag}"`, err: error })
    }
  }
}

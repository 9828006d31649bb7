import { revalidateTag } from 'next/cache'
import type { Payload } from 'payload'

/**
 * Expires cache tags at once (not stale-while-revalidate): after an unpublish, the very next reader
 * must not be served the old page. Outside a Next.js server (a CLI script) there is no cache to expire.
 */
export function expireTags(tags: string[], payload: Payload): void {
  for (const tag of new Set(tags)) {
    try {
      revalidateTag(tag, { expire: 0 })
    } catch (error) {
      payload.logger.debug({ msg: `no Next.js cache to revalidate "${tag}"`, err: error })
    }
  }
}

import type { Payload } from 'payload'
import { parseTags } from '@/lib/invalidation/log'

/** The tags the invalidation log received since the last `reset()` (or since this was called). */
export async function loggedTags(payload: Payload) {
  const all = async () => {
    const { docs } = await payload.find({ collection: 'invalidations', sort: 'sequence', pagination: false, depth: 0 })
    return docs
  }
  let seen = new Set((await all()).map((doc) => doc.id))
  return {
    async since(): Promise<string[]> {
      return (await all()).filter((doc) => !seen.has(doc.id)).flatMap((doc) => parseTags(doc.tags))
    },
    async reset(): Promise<void> {
      seen = new Set((await all()).map((doc) => doc.id))
    },
  }
}

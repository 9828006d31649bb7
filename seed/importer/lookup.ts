import type { Payload, PayloadRequest, Where } from 'payload'
import type { Collection } from './report'

/* Reads and comparisons the upserts share. */

export async function findOne<T>(payload: Payload, collection: Collection, where: Where, req?: Partial<PayloadRequest>): Promise<T | undefined> {
  const { docs } = await payload.find({ collection, where, limit: 1, depth: 0, pagination: false, req })
  return docs[0] as T | undefined
}

/**
 * Equality of JSON values, whatever the order of object keys. Not `util.isDeepStrictEqual`: what the
 * importer wants holds `undefined` where the stored document has no key, which is the same value here.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  )
}

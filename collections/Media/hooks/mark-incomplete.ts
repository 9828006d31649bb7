import type { CollectionBeforeChangeHook, Payload, PayloadRequest } from 'payload'
import type { Media } from '@/payload-types'
import { missingPhotoFields } from '@/lib/photos/checks'

/**
 * Keeps `incomplete` true while the photo lacks alt text or a credit (lib/photos/checks.ts, the rule
 * publishing enforces), from what is being saved over what was stored: the editors' desk lists the
 * photos to fix from an index on it instead of reading every photo.
 */
export const markIncomplete: CollectionBeforeChangeHook<Media> = ({ data, originalDoc }) => {
  const photo = { ...originalDoc, ...data, credit: { ...originalDoc?.credit, ...data.credit } }
  data.incomplete = missingPhotoFields(photo).length > 0
  return data
}

/** For photos stored before the flag: sets it on every photo, a page at a time (the migrations that added it). Idempotent. */
export async function recordIncompletePhotos(payload: Payload, req: PayloadRequest): Promise<void> {
  for (let page = 1, more = true; more; page++) {
    const { docs, hasNextPage } = await payload.find({ collection: 'media', select: { alt: true, credit: true }, depth: 0, limit: 500, sort: 'id', page, overrideAccess: true, req })
    for (const incomplete of [true, false]) {
      const ids = docs.filter((photo) => missingPhotoFields(photo).length > 0 === incomplete).map((photo) => photo.id)
      if (ids.length > 0) await payload.db.updateMany({ collection: 'media', where: { id: { in: ids } }, data: { incomplete }, req, returning: false })
    }
    more = hasNextPage
  }
}

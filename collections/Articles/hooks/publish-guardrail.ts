import { type CollectionBeforeChangeHook, ValidationError, type ValidationFieldError } from 'payload'
import { idOf } from '@/lib/content/populated'
import { type CheckedPhoto, missingPhotoFields, type PhotoPlace, publishRefusal, uploadIdsInLexical } from '@/lib/photos/checks'

/**
 * An article is not published while a photo it shows lacks alt text or a credit: its lead image,
 * or any upload in its body. Drafts and autosaves pass; whatever makes or keeps the article
 * published (the Publish button, REST, the Local API, the scheduled-publish job, the seed) is
 * refused with a validation error that names the photo and what it lacks, on the field that holds it.
 */
export const refuseUncreditedPhotos: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  const status = data._status ?? originalDoc?._status
  if (status !== 'published') return data

  // The article as it will be saved: the incoming data over the stored version.
  const leadImage = idOf('leadImage' in data ? data.leadImage : originalDoc?.leadImage)
  const bodyIds = uploadIdsInLexical('body' in data ? data.body : originalDoc?.body)
  const ids = [...new Set([...(leadImage !== null ? [leadImage] : []), ...bodyIds].map(String))]
  if (ids.length === 0) return data

  // The server's own check: photos are read whatever the user may see.
  const { docs } = await req.payload.find({
    collection: 'media',
    where: { id: { in: ids } },
    select: { alt: true, filename: true, credit: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const photos = new Map(docs.map((doc) => [String(doc.id), doc as CheckedPhoto]))

  const errors: ValidationFieldError[] = []
  const check = (id: number | string, place: PhotoPlace, fieldPath: string) => {
    const photo = photos.get(String(id))
    if (!photo) return // a missing photo is the relationship's own validation to report
    const missing = missingPhotoFields(photo)
    if (missing.length > 0) errors.push({ path: fieldPath, message: publishRefusal(photo, place, missing) })
  }
  if (leadImage !== null) check(leadImage, 'lead', 'leadImage')
  for (const id of bodyIds) check(id, 'body', 'body')
  if (errors.length === 0) return data

  const error = new ValidationError({ collection: collection.slug, errors, req })
  // The sentence itself, not only "The following fields are invalid": it is what REST clients, the
  // admin's toast and the scheduled-publish job's log show.
  error.message = errors.map((fieldError) => fieldError.message).join(' ')
  throw error
}

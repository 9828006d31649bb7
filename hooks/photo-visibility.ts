import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  Payload,
  PayloadRequest,
} from 'payload'
import { type Id, idOf } from '@/lib/content/populated'
import { uploadIdsInLexical } from '@/lib/photos/checks'
import { PUBLISHED } from '@/lib/content/published'


/**
 * Readers see a photo only once something public shows it: a published article (as lead image or
 * in the body) or an author's profile. Until then (an embargoed story's photos, a fresh upload)
 * the photo and its files are the newsroom's: an embargoed photo is news. Media `shownToReaders`
 * holds the answer, which the read access of media (documents and files) filters on; these hooks
 * keep it true to what is published.
 */

const unique = (ids: Id[]) => [...new Map(ids.map((id) => [String(id), id])).values()]

/** The photos an article shows: its lead image and the uploads in its body, those that exist. */
export const recordArticlePhotos: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const lead = idOf('leadImage' in data ? data.leadImage : originalDoc?.leadImage)
  const ids = unique([...(lead !== null ? [lead] : []), ...uploadIdsInLexical('body' in data ? data.body : originalDoc?.body)])
  data.photos = ids.length === 0 ? [] : (await existingPhotos(req, ids))
  return data
}

async function existingPhotos(req: PayloadRequest, ids: Id[]): Promise<Id[]> {
  const { docs } = await req.payload.find({
    collection: 'media',
    where: { id: { in: ids } },
    select: { filename: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const found = new Set(docs.map((doc) => String(doc.id)))
  return ids.filter((id) => found.has(String(id)))
}

/** The stored (published, or unpublished) article, as readers would see it: per request. */
const storedBefore = new WeakMap<PayloadRequest, { published: boolean; photos: Id[] }>()

async function storedArticle(req: PayloadRequest, id: Id) {
  const doc = await req.payload.findByID({
    collection: 'articles',
    id,
    draft: false,
    depth: 0,
    select: { _status: true, photos: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return { published: doc?._status === 'published', photos: photoIds(doc?.photos) }
}

const photoIds = (value: unknown): Id[] => (Array.isArray(value) ? value.map(idOf).filter((id): id is Id => id !== null) : [])

export const rememberStoredPhotos: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update' && originalDoc?.id !== undefined) storedBefore.set(req, await storedArticle(req, originalDoc.id))
  return data
}

export const updateArticlePhotoVisibility: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const before = storedBefore.get(req)
  storedBefore.delete(req)
  // A draft saved over an unpublished article, or on top of a published one, changes nothing readers see.
  if (doc._status !== 'published') {
    if (!before?.published || (await storedArticle(req, doc.id)).published) return doc
  }
  await updatePhotoVisibility(req, [...photoIds(doc.photos), ...photoIds(previousDoc?.photos), ...(before?.photos ?? [])])
  return doc
}

export const hideDeletedArticlePhotos: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (doc?._status === 'published') await updatePhotoVisibility(req, photoIds(doc.photos))
  return doc
}

export const updateAuthorPhotoVisibility: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  await updatePhotoVisibility(req, [idOf(doc.photo), idOf(previousDoc?.photo)].filter((id): id is Id => id !== null))
  return doc
}

export const hideDeletedAuthorPhoto: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const photo = idOf(doc?.photo)
  if (photo !== null) await updatePhotoVisibility(req, [photo])
  return doc
}

/** Sets `shownToReaders` on each of these photos from what is published now. */
export async function updatePhotoVisibility(req: PayloadRequest, photos: Id[]): Promise<void> {
  const ids = unique(photos)
  if (ids.length === 0) return
  const shown = await shownPhotos(req.payload, req, ids)
  const show = ids.filter((id) => shown.has(String(id)))
  const hide = ids.filter((id) => !shown.has(String(id)))
  // Straight to the database: a flag the server keeps is not an edit of the photo (no hooks, no re-stamping of its files).
  const set = (subset: Id[], value: boolean) =>
    subset.length === 0
      ? null
      : req.payload.db.updateMany({ collection: 'media', where: { id: { in: subset } }, data: { shownToReaders: value }, req })
  await Promise.all([set(show, true), set(hide, false)])
}

async function shownPhotos(payload: Payload, req: PayloadRequest | undefined, ids: Id[]): Promise<Set<string>> {
  const common = { depth: 0, pagination: false, overrideAccess: true, req } as const
  const [articles, authors] = await Promise.all([
    payload.find({
      collection: 'articles',
      where: { and: [PUBLISHED, { photos: { in: ids } }] },
      select: { photos: true },
      ...common,
    }),
    payload.find({ collection: 'authors', where: { photo: { in: ids } }, select: { photo: true }, ...common }),
  ])
  return new Set(
    [...articles.docs.flatMap((article) => photoIds(article.photos)), ...authors.docs.map((author) => idOf(author.photo))]
      .filter((id): id is Id => id !== null)
      .map(String),
  )
}

/**
 * For a database from before photos were tracked: records the photos of every article, then which
 * photos readers may see. Run by the SQLite migration that added the fields (and by
 * `scripts/record-photo-visibility.ts` on MongoDB, which has no migrations). Idempotent.
 */
export async function recordAllPhotoVisibility(payload: Payload, req: PayloadRequest): Promise<void> {
  const common = { depth: 0, limit: 200, sort: 'id', overrideAccess: true, req } as const
  for (let page = 1, more = true; more; page++) {
    const { docs, hasNextPage } = await payload.find({ collection: 'articles', select: { leadImage: true, body: true }, page, ...common })
    for (const doc of docs) {
      const lead = idOf(doc.leadImage)
      const ids = unique([...(lead !== null ? [lead] : []), ...uploadIdsInLexical(doc.body)])
      const photos = ids.length === 0 ? [] : await existingPhotos(req, ids)
      await payload.db.updateOne({ collection: 'articles', id: doc.id, data: { photos }, req })
    }
    more = hasNextPage
  }
  for (let page = 1, more = true; more; page++) {
    const { docs, hasNextPage } = await payload.find({ collection: 'media', select: { filename: true }, page, ...common })
    await updatePhotoVisibility(req, docs.map((doc) => doc.id))
    more = hasNextPage
  }
}

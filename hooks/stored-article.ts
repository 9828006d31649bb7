import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook, PayloadRequest } from 'payload'
import type { ArticleLike } from '@/lib/content/cache-tags'
import type { Id } from '@/lib/content/populated'

/**
 * What readers saw of an article before a change, read once per save for every hook that keeps
 * something in step with it (pages: hooks/expire-pages.ts, photos: hooks/photo-visibility.ts, old
 * URLs: hooks/slug-history.ts, the search index), and not at all for a draft-only save.
 *
 * A draft-only save (an autosave, every 2 s while an editor types on a published article, or "Save
 * draft") writes a new version and leaves the stored document, what readers see, untouched:
 * `isSavingDraft` in payload's collections/operations/utilities/update.js, `draft` asked for and not
 * publishing. Those hooks then have nothing to do and read nothing.
 */
export function savesDraftOnly(args: { draft?: boolean; data?: { _status?: unknown } | null }): boolean {
  return args.draft === true && args.data?._status !== 'published'
}

export interface StoredArticle extends ArticleLike {
  id: Id
  photos?: unknown[] | null
}

// Per request, as the hooks' facts cannot live in `context` (the Local API gives nested calls a fresh one).
const draftOnly = new WeakMap<PayloadRequest, boolean>()
const storedBefore = new WeakMap<PayloadRequest, StoredArticle | null>()

/** beforeOperation: notes whether this operation saves a draft only. */
export const noteDraftOnlySave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  // Reads (the hooks' own, with this request) leave it alone. A create always writes the stored
  // document, a draft one included: only updates can be draft-only.
  if (operation === 'create') draftOnly.set(req, false)
  if (operation === 'update') draftOnly.set(req, savesDraftOnly(args as Parameters<typeof savesDraftOnly>[0]))
  return args
}

/** True while this request's operation saves a draft that leaves the published document as it was. */
export const isDraftOnlySave = (req: PayloadRequest): boolean => draftOnly.get(req) === true

/** beforeChange: reads the stored document once (not for a create, nor for a draft-only save). */
export const rememberStoredArticle: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const read = operation === 'update' && originalDoc?.id !== undefined && !isDraftOnlySave(req)
  storedBefore.set(req, read ? await storedArticle(req, originalDoc.id) : null)
  return data
}

/** The stored article before this request's change, whatever its status (null: new, or not read). */
export const storedBeforeChange = (req: PayloadRequest): StoredArticle | null => storedBefore.get(req) ?? null

/** The article as readers saw it before this request's change (null: unpublished, new, or a draft-only save). */
export function publishedBeforeChange(req: PayloadRequest): StoredArticle | null {
  const stored = storedBeforeChange(req)
  return stored?._status === 'published' ? stored : null
}

async function storedArticle(req: PayloadRequest, id: Id): Promise<StoredArticle | null> {
  // Deliberately without access control: the server's own bookkeeping reads the stored document.
  const doc = await req.payload.findByID({
    collection: 'articles',
    id,
    draft: false,
    depth: 0,
    select: { slug: true, section: true, tagSlugs: true, authors: true, _status: true, photos: true, correctedAt: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return (doc as StoredArticle | null) ?? null
}

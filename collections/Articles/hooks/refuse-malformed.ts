import { type CollectionBeforeOperationHook, isValidID, type Payload, type PayloadRequest } from 'payload'
import { articleInputErrors, type FieldError, relatedIds } from '@/lib/content/article-input'
import { refusal } from '@/lib/security/refusal'

/**
 * Every save of an article, drafts and autosaves included, is checked before Payload reads it (a
 * date field that is not a date, or tags that are not a list, would otherwise be a 500 in Payload's
 * own processing): types and sizes (lib/content/article-input.ts), then that the photo and authors it names
 * exist. A 400 naming each field.
 */
export const refuseMalformedArticle: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  let errors = articleInputErrors(data ?? {})
  if (errors.length === 0) errors = await missingRelated(req, data as Record<string, unknown>)
  if (errors.length === 0) return args
  throw refusal(collection.slug, errors, req)
}

async function missingRelated(req: PayloadRequest, data: Record<string, unknown>): Promise<FieldError[]> {
  const related = relatedIds(data)
  const checks = [
    { path: 'leadImage', collection: 'media', ids: related.media, noun: 'photo' },
    { path: 'authors', collection: 'authors', ids: related.authors, noun: 'author' },
  ] as const
  const errors: FieldError[] = []
  for (const { path, collection, ids, noun } of checks) {
    if (ids.length === 0) continue
    const stored = ids.map((id) => storedId(req.payload, id))
    const invalid = ids.filter((_, index) => stored[index] === null)
    if (invalid.length > 0) {
      errors.push({ path, message: `${String(invalid[0])} is not the id of a ${noun}.` })
      continue
    }
    const { docs } = await req.payload.find({
      collection,
      where: { id: { in: stored } },
      select: {},
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const found = new Set(docs.map((doc) => String(doc.id)))
    const missing = stored.filter((id) => !found.has(String(id)))
    if (missing.length > 0) errors.push({ path, message: `There is no ${noun} with id ${missing.join(', ')}.` })
  }
  return errors
}

/** The id as the database stores it (SQLite: a number, also when sent as "12"; MongoDB: an ObjectId string), or null. */
function storedId(payload: Payload, id: number | string): number | string | null {
  if (payload.db.defaultIDType === 'number') {
    const number = typeof id === 'number' ? id : /^\d{1,15}$/.test(id) ? Number(id) : NaN
    return Number.isSafeInteger(number) ? number : null
  }
  return isValidID(id, 'ObjectID') ? String(id) : null
}

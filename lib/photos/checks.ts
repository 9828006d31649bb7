import { type Credited, creditLine } from './credit'
import { type Id, idOf } from '@/lib/content/populated'

/**
 * The publishing rule for photos: every photo an article shows (its lead image and each upload in
 * its body) needs alt text and a credit. Pure, and safe in the browser: the admin warning and the
 * server's refusal use the same wording.
 */

export type MissingPhotoField = 'alt' | 'credit'

export interface CheckedPhoto extends Credited {
  id: Id
  filename?: string | null
  alt?: string | null
}

/** What the photo lacks: alt text, and a credit (a photographer, an agency or a credit line). */
export function missingPhotoFields(photo: Omit<CheckedPhoto, 'id'>): MissingPhotoField[] {
  const missing: MissingPhotoField[] = []
  if (!photo.alt?.trim()) missing.push('alt')
  if (!creditLine(photo)) missing.push('credit')
  return missing
}

export type PhotoPlace = 'lead' | 'body'

/** `the lead image "harbour.webp" (media 12)` / `the photo "harbour.webp" (media 12) in the body`. */
export function namePhoto(photo: CheckedPhoto, place: PhotoPlace): string {
  const name = photo.filename ? `"${photo.filename}" ` : ''
  return place === 'lead' ? `the lead image ${name}(media ${photo.id})` : `the photo ${name}(media ${photo.id}) in the body`
}

/** `has no credit — add a photographer or agency` and its alt-text and both-missing variants. */
export function describeMissing(missing: readonly MissingPhotoField[]): string {
  const alt = missing.includes('alt')
  const credit = missing.includes('credit')
  if (alt && credit) return 'has no alt text and no credit — add alt text and a photographer or agency'
  if (alt) return 'has no alt text — describe what the photo shows'
  return 'has no credit — add a photographer or agency'
}

/** The server's refusal, e.g. `Cannot publish: the lead image "harbour.webp" (media 12) has no credit — add a photographer or agency.` */
export function publishRefusal(photo: CheckedPhoto, place: PhotoPlace, missing: readonly MissingPhotoField[]): string {
  return `Cannot publish: ${namePhoto(photo, place)} ${describeMissing(missing)}.`
}

/** The admin's warning before anyone tries, e.g. `This photo has no credit — publishing will be refused.` */
export function publishWarning(missing: readonly MissingPhotoField[]): string {
  const alt = missing.includes('alt')
  const credit = missing.includes('credit')
  const what = alt && credit ? 'no alt text and no credit' : alt ? 'no alt text' : 'no credit'
  return `This photo has ${what} — publishing will be refused.`
}

/**
 * The ids of the documents in `relationTo` that upload nodes of a Lexical document point to, in
 * order, without repeats. Walks the whole tree (uploads may sit inside other nodes).
 */
export function uploadIdsInLexical(body: unknown, relationTo = 'media'): Id[] {
  const ids: Id[] = []
  const seen = new Set<string>()
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 100) return
    const record = node as { type?: unknown; relationTo?: unknown; value?: unknown; children?: unknown; root?: unknown }
    if (record.type === 'upload' && record.relationTo === relationTo) {
      const id = idOf(record.value)
      if (id !== null && !seen.has(String(id))) {
        seen.add(String(id))
        ids.push(id)
      }
    }
    if (record.root) visit(record.root, depth + 1)
    if (Array.isArray(record.children)) for (const child of record.children) visit(child, depth + 1)
  }
  visit(body, 0)
  return ids
}

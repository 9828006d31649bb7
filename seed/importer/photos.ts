import type { Payload, Where } from 'payload'
import type { Article, Media } from '@/payload-types'
import type { ParsedArticle } from '@/seed/parse'
import { isPlaceholderFilename, isSeedPhotoFilename, loadPhoto, photoStem, type PhotoSource } from '@/seed/photo'
import { findOne, sameJson } from './lookup'
import type { Id, PieceResult } from './report'
import type { PieceWriter } from './writer'
import type { PhotoCredit } from '@/lib/photos/credit'

/* The lead photo: found through the article or by the name the seed gave it, uploaded, replaced or updated. */

// What the importer owns of a photo's credit; the rest (licence, copyright…) stays as editors set it.
type PhotoFields = Pick<Media, 'alt' | 'caption'> & { credit: Required<Pick<PhotoCredit, 'creator' | 'provider' | 'line'>> }

export async function upsertPhoto(
  writer: PieceWriter,
  parsed: ParsedArticle,
  photo: NonNullable<ParsedArticle['photo']>,
  source: PhotoSource,
  article: Article | undefined,
): Promise<NonNullable<PieceResult['photo']>> {
  const { payload } = writer
  const wanted: PhotoFields = {
    alt: photo.alt,
    caption: photo.caption,
    credit: { creator: photo.credit.creator ?? null, provider: photo.credit.provider ?? null, line: photo.credit.line || null },
  }
  const existing = await findExistingPhoto(writer, parsed.slug, article)

  const create = async (): Promise<Media> => {
    const file = await loadPhoto(source, parsed.slug, photo.credit.line)
    // Only a stem this seed could have given (the real photo or the placeholder of this article) is its key.
    const key: Where = {
      and: [
        { filename: { like: photoStem(parsed.slug, source.kind) } },
        ...(existing ? [{ id: { not_equals: existing.id } }] : []),
      ],
    }
    return writer.create('media', key, `the photo of "${parsed.title}"`, () =>
      payload.create({ collection: 'media', data: wanted, file, depth: 0, req: writer.req() }),
    )
  }

  if (!existing) {
    const doc = await create()
    return { id: doc.id, action: 'created', source: source.kind, filename: doc.filename ?? '' }
  }

  // The real photo has turned up beside the text since the placeholder was made: use it.
  if (source.kind === 'file' && existing.filename && isPlaceholderFilename(existing.filename, parsed.slug)) {
    const doc = await create()
    writer.onceCommitted(`delete the superseded placeholder ${existing.filename}`, () => deleteIfUnused(payload, existing.id))
    return { id: doc.id, action: 'replaced', source: 'file', filename: doc.filename ?? '' }
  }

  // The file is left alone: an editor may have replaced it in the admin.
  const kind = existing.filename && isPlaceholderFilename(existing.filename, parsed.slug) ? 'placeholder' : 'file'
  const current: PhotoFields = {
    alt: existing.alt,
    caption: existing.caption ?? null,
    credit: {
      creator: existing.credit?.creator ?? null,
      provider: existing.credit?.provider ?? null,
      line: existing.credit?.line ?? null,
    },
  }
  if (sameJson(current, wanted)) return { id: existing.id, action: 'unchanged', source: kind, filename: existing.filename ?? '' }
  const previous = { alt: current.alt, caption: current.caption, credit: { ...existing.credit } }
  await writer.update('media', existing.id, previous, `the photo ${existing.filename}`, () =>
    payload.update({
      collection: 'media',
      id: existing.id,
      // Copyright and licence are the editors' to add: kept as they are.
      data: { ...wanted, credit: { ...existing.credit, ...wanted.credit } },
      depth: 0,
      req: writer.req(),
    }),
  )
  return { id: existing.id, action: 'updated', source: kind, filename: existing.filename ?? '' }
}

/** The article's lead photo if it has one, else a photo this seed uploaded for that article before. */
async function findExistingPhoto(writer: PieceWriter, articleSlug: string, article: Article | undefined): Promise<Media | undefined> {
  const lead = article?.leadImage
  const leadId = typeof lead === 'object' && lead !== null ? lead.id : lead
  if (leadId != null) {
    const media = await findOne<Media>(writer.payload, 'media', { id: { equals: leadId } }, writer.req())
    if (media) return media
  }
  const { docs } = await writer.payload.find({
    collection: 'media',
    where: { filename: { like: `${articleSlug}-lead` } },
    sort: 'createdAt',
    depth: 0,
    limit: 50,
    // Unpaginated: a paginated find counts and reads at once on the one session of the transaction,
    // which MongoDB does not allow (Payload #17053).
    pagination: false,
    req: writer.req(),
  })
  // "like" matches anywhere in the name: keep only the names this seed gives.
  return docs.find((doc) => doc.filename && isSeedPhotoFilename(doc.filename, articleSlug))
}

async function deleteIfUnused(payload: Payload, id: Id): Promise<void> {
  const [articles, authors] = await Promise.all([
    payload.count({ collection: 'articles', where: { leadImage: { equals: id } } }),
    payload.count({ collection: 'authors', where: { photo: { equals: id } } }),
  ])
  if (articles.totalDocs + authors.totalDocs > 0) return
  await payload.delete({ collection: 'media', id })
}

import { APIError, type CollectionBeforeChangeHook } from 'payload'
import { isEditorUser } from '@/access/roles'
import { correctionsChanged, lastCorrectedAt, type CorrectionEntry } from '@/lib/content/corrections'

type Entries = Partial<CorrectionEntry>[] | null | undefined

/**
 * On every save: keeps `correctedAt` (the newest correction or clarification, for /corrections).
 * On publishing: a "significant update" mark becomes `modifiedAt` (now) and is cleared; and only an
 * editor or admin may publish corrections that differ from the published ones (a 403 saying so).
 * Server work without a user (the importer, a schedule an editor set) is trusted.
 */
export const keepCorrections: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const entries = (data.corrections ?? originalDoc?.corrections) as Entries
  data.correctedAt = lastCorrectedAt(entries)
  if (data._status !== 'published') return data

  if (req.user && !isEditorUser(req.user)) {
    const published = originalDoc?.id
      ? await req.payload.findByID({ collection: 'articles', id: originalDoc.id, draft: false, depth: 0, select: { corrections: true, _status: true }, req, disableErrors: true })
      : null
    const before = published?._status === 'published' ? (published.corrections as Entries) : []
    if (correctionsChanged(before, entries)) {
      throw new APIError('Only an editor or an admin can publish corrections and updates: save the article as a draft and ask an editor to publish it.', 403)
    }
  }
  if (data.significantUpdate ?? originalDoc?.significantUpdate) data.modifiedAt = new Date().toISOString()
  data.significantUpdate = false
  return data
}

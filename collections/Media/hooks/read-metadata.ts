import { readFile } from 'node:fs/promises'
import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook, PayloadRequest } from 'payload'
import { EMPTY_EMBEDDED, type EmbeddedMetadata, fillFromEmbedded, type PhotoFields, readEmbeddedMetadata } from '@/lib/photos/metadata'

/**
 * Reads what an uploaded photo says about itself and fills the fields the editor left empty.
 *
 * Two steps, because Payload converts the upload (to WebP, without metadata) between them:
 * `beforeOperation` sees the file as sent and reads it; `beforeValidate` has the document (the
 * incoming data, and on update the stored one) and fills in, before `alt` is checked as required.
 */

// The metadata read for the operation running on a request, keyed by the request itself: every
// media create or update sets or clears it first, so a value never outlives its operation.
const pending = new WeakMap<PayloadRequest, EmbeddedMetadata>()

export const readUploadMetadata: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  pending.delete(req)
  const file = req.file
  if (!file) return args
  try {
    const bytes = file.data && file.data.length > 0 ? file.data : file.tempFilePath ? await readFile(file.tempFilePath) : null
    if (!bytes) return args
    const { metadata, problems } = await readEmbeddedMetadata(bytes)
    if (problems.length > 0) {
      req.payload.logger.warn(`${file.name}: part of the embedded metadata could not be read (${problems.join('; ')}); uploading anyway.`)
    }
    pending.set(req, metadata)
  } catch (error) {
    // A broken metadata block is never a failed upload.
    req.payload.logger.warn({ err: error, msg: `${file.name}: embedded metadata unreadable; uploading without it.` })
    pending.set(req, EMPTY_EMBEDDED)
  }
  return args
}

export const fillFromUploadMetadata: CollectionBeforeValidateHook = ({ data, operation, originalDoc, req }) => {
  if (!data) return data
  const metadata = pending.get(req)
  pending.delete(req)
  if (!metadata) {
    // No new file: the embedded metadata stays that of the stored file, whatever a request says.
    if (operation === 'update') data.embedded = originalDoc?.embedded ?? { ...EMPTY_EMBEDDED }
    else delete data.embedded
    return data
  }
  data.embedded = { ...metadata }

  // What the document will hold once saved: the incoming data over the stored document.
  const stored = (operation === 'update' ? originalDoc : undefined) as PhotoFields | undefined
  const incomingCredit = isObject(data.credit) ? (data.credit as PhotoFields['credit']) : undefined
  const current: PhotoFields = {
    alt: 'alt' in data ? data.alt : stored?.alt,
    caption: 'caption' in data ? data.caption : stored?.caption,
    credit: { ...(stored?.credit ?? {}), ...(incomingCredit ?? {}) },
  }
  const changes = fillFromEmbedded(current, metadata)
  if (changes.alt) data.alt = changes.alt
  if (changes.caption) data.caption = changes.caption
  if (changes.credit) data.credit = { ...current.credit, ...changes.credit }
  return data
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

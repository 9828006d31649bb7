import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook } from 'payload'

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024
const ACCEPTED = new Map([
  ['image/jpeg', 'JPEG'],
  ['image/png', 'PNG'],
  ['image/webp', 'WebP'],
  ['image/avif', 'AVIF'],
])

/**
 * Decides what an upload is from its bytes, not from its name or declared type: an SVG with a script,
 * or an HTML page renamed `photo.jpg`, never reaches the media folder.
 */
export const rejectNonImageUploads: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const name = file.name ?? 'the file'
  if (file.size > MAX_UPLOAD_BYTES) {
    throw new APIError(`${name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; photos may be at most 25 MB.`, 413, null, true)
  }
  const detected = await fileTypeFromBuffer(file.data)
  if (!detected || !ACCEPTED.has(detected.mime)) {
    const found = detected ? `${detected.mime} content` : 'content that is not a recognised image'
    throw new APIError(
      `${name} was refused: it contains ${found}. Upload a JPEG, PNG, WebP or AVIF photo.`,
      400,
      null,
      true,
    )
  }
  // Trust the bytes from here on, whatever the browser declared.
  file.mimetype = detected.mime
  return args
}

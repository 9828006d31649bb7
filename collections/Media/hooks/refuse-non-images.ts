import { fileTypeFromBuffer } from 'file-type'
import { APIError, type CollectionBeforeOperationHook } from 'payload'
import sharp from 'sharp'

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024
/** 120 megapixels: above any camera a newsroom uses, far below what would exhaust the server decoding it. */
export const MAX_PIXELS = 120_000_000
const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/avif'])

/**
 * Decides what an upload is from its bytes, not from its name or declared type: an SVG with a script,
 * or an HTML page renamed `photo.jpg`, never reaches the media folder. A small file that declares
 * enormous dimensions (a decompression bomb) is refused from its header, before anything decodes it.
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
    throw new APIError(`${name} was refused: it contains ${found}. Upload a JPEG, PNG, WebP or AVIF photo.`, 400, null, true)
  }
  // Reads the header only; sharp's own pixel limit would refuse it with a less helpful message.
  const { width = 0, height = 0 } = await sharp(file.data, { limitInputPixels: false })
    .metadata()
    .catch(() => ({ width: 0, height: 0 }))
  if (width * height > MAX_PIXELS) {
    throw new APIError(
      `${name} was refused: it declares ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels); photos may have at most ${MAX_PIXELS / 1e6} megapixels.`,
      400,
      null,
      true,
    )
  }
  // Trust the bytes from here on, whatever the browser declared.
  file.mimetype = detected.mime
  return args
}

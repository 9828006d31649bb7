import { randomBytes } from 'node:crypto'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { CollectionAfterChangeHook } from 'payload'
import sharp from 'sharp'
import { creditLine, type PhotoCredit } from '@/lib/photos/credit'
import { buildRightsXmp, isWebp, setWebpXmp, webpMetadata } from '@/lib/photos/xmp'

/**
 * Rights travel with the picture: every file of a photo that readers can download (the stored
 * original and each generated size) carries the photo's creator, credit line, copyright notice and
 * licence as XMP, and nothing else: no EXIF, so no GPS position, camera serial number or other
 * camera data. (Payload's conversion already drops the upload's own metadata; this puts the rights
 * back, from the media document, so they follow later edits of the credit.)
 *
 * Runs after every save and is idempotent: a file that already carries exactly this packet and no
 * EXIF is left alone, so an edit that changes no credit touches no file, while a new upload, a new
 * crop or focal point (new size files) or a changed credit re-stamps what needs it. WebP files (all
 * of them, as configured) are rewritten without re-encoding; any other format goes through sharp.
 * The stored `filesize` values are kept equal to the files on disk.
 */
export const stampRightsIntoFiles: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  const upload = collection.upload
  if (!upload || upload.disableLocalStorage || !upload.staticDir || !doc?.filename) return doc
  const staticDir = path.resolve(upload.staticDir)
  const credit: PhotoCredit = doc.credit ?? {}
  const xmp = buildRightsXmp({
    creator: credit.creator,
    creditLine: creditLine(doc),
    copyright: credit.copyright,
    webStatement: credit.license,
  })

  const sizes = (doc.sizes ?? {}) as Record<string, { filename?: string | null; filesize?: number | null } | undefined>
  const files: { size: string | null; filename: string; filesize?: number | null }[] = [
    { size: null, filename: doc.filename, filesize: doc.filesize },
    ...Object.entries(sizes).flatMap(([size, file]) => (file?.filename ? [{ size, filename: file.filename, filesize: file.filesize }] : [])),
  ]

  const newSizes: Record<string, number> = {}
  let newOriginalSize: number | undefined
  for (const file of files) {
    const target = path.resolve(staticDir, file.filename)
    if (path.dirname(target) !== staticDir) continue // a name that would leave the media folder
    try {
      const bytes = await readFile(target)
      const stamped = await withRights(bytes, xmp)
      if (stamped) await replaceFile(target, stamped)
      const size = stamped?.length ?? bytes.length
      if (size !== file.filesize) {
        if (file.size === null) newOriginalSize = size
        else newSizes[file.size] = size
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
      // The photo is saved either way; a file that cannot be stamped is logged, not fatal.
      req.payload.logger.warn({ err: error, msg: `Could not write the rights metadata into ${file.filename}.` })
    }
  }

  if (newOriginalSize === undefined && Object.keys(newSizes).length === 0) return doc
  // Straight to the database (no hooks, no new version, no revalidation: only byte counts change),
  // with the whole `sizes` group as stored, since MongoDB replaces a nested object it is given.
  const data: Record<string, unknown> = {}
  if (newOriginalSize !== undefined) data.filesize = newOriginalSize
  if (Object.keys(newSizes).length > 0) {
    const stored = (await req.payload.db.findOne({ collection: collection.slug, where: { id: { equals: doc.id } }, req })) as {
      sizes?: Record<string, Record<string, unknown> | null>
    } | null
    data.sizes = Object.fromEntries(
      Object.entries(stored?.sizes ?? {}).map(([size, file]) =>
        [size, newSizes[size] !== undefined ? { ...file, filesize: newSizes[size] } : file],
      ),
    )
  }
  await req.payload.db.updateOne({ collection: collection.slug, id: doc.id, data, req, returning: false })
  return {
    ...doc,
    ...(newOriginalSize !== undefined ? { filesize: newOriginalSize } : {}),
    sizes: Object.fromEntries(
      Object.entries(sizes).map(([size, file]) => [size, newSizes[size] !== undefined ? { ...file, filesize: newSizes[size] } : file]),
    ),
  }
}

/**
 * The file's bytes carrying `xmp` (or no XMP when null) and no EXIF, or null when it already does.
 */
export async function withRights(bytes: Buffer, xmp: string | null): Promise<Buffer | null> {
  if (isWebp(bytes)) {
    const current = webpMetadata(bytes)
    if (!current.exif && (current.xmp?.toString('utf8') ?? null) === xmp) return null
    return setWebpXmp(bytes, xmp)
  }
  const image = sharp(bytes, { failOn: 'none' })
  const metadata = await image.metadata()
  if (!metadata.exif && (metadata.xmp?.toString('utf8') ?? null) === xmp) return null
  // Re-encoding is the only way sharp writes metadata: upright pixels, colour profile kept, EXIF gone.
  let output = image.rotate().keepIccProfile()
  if (xmp) output = output.withXmp(xmp)
  switch (metadata.format) {
    case 'jpeg':
      return output.jpeg({ quality: 90, mozjpeg: true }).toBuffer()
    case 'png':
      return output.png().toBuffer()
    case 'heif': // AVIF included
      return output.avif({ quality: 70 }).toBuffer()
    default:
      return null // a format sharp cannot write metadata into: left as uploaded
  }
}

/** Replaces a file in one step, so a reader never downloads half of it. */
async function replaceFile(target: string, bytes: Buffer): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

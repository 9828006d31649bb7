import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { escapeXml } from '@/lib/seo/xml'

/**
 * Where a piece's lead photo comes from. The newsroom's text files carry only the caption and credit;
 * the picture itself is used when a file with the same name lies beside the text
 * (`story.txt` + `story.jpg`), and otherwise replaced by a neutral, honest placeholder generated
 * here. Nothing is ever downloaded.
 */
export type PhotoSource =
  | { kind: 'file'; path: string }
  | { kind: 'placeholder' }

/** The upload Payload receives (its `File` type). */
export interface PhotoUpload {
  data: Buffer
  mimetype: string
  name: string
  size: number
}

const IMAGE_TYPES = new Map([
  ['.jpg', 'image/jpeg'],
  ['.jpeg', 'image/jpeg'],
  ['.png', 'image/png'],
  ['.webp', 'image/webp'],
  ['.avif', 'image/avif'],
])

export const PLACEHOLDER = { width: 1600, height: 900, background: '#8a8a8a' } as const

/**
 * The name an uploaded lead photo gets: `<article-slug>-lead` for a real photo and
 * `<article-slug>-lead-placeholder` for a generated one. Payload keeps the stem (it may change the
 * extension when it converts the format, and appends "-1" on a clash), so the seed can find the
 * photo again by name, and tell a placeholder from a real photo.
 */
export function photoStem(articleSlug: string, kind: PhotoSource['kind']): string {
  return kind === 'file' ? `${articleSlug}-lead` : `${articleSlug}-lead-placeholder`
}

/** Whether a stored filename is one this seed gave to the lead photo of that article. */
export function isSeedPhotoFilename(filename: string, articleSlug: string): boolean {
  return new RegExp(`^${articleSlug}-lead(?:-placeholder)?(?:-\\d+)?\\.[a-z0-9]+$`, 'i').test(filename)
}

export function isPlaceholderFilename(filename: string, articleSlug: string): boolean {
  return new RegExp(`^${articleSlug}-lead-placeholder(?:-\\d+)?\\.[a-z0-9]+$`, 'i').test(filename)
}

/** An image beside the text file with the same basename (`.jpg`, `.jpeg`, `.png`, `.webp`, `.avif`, any case). */
export async function findPhotoSource(textFile: string): Promise<PhotoSource> {
  const dir = path.dirname(textFile)
  const base = path.basename(textFile, path.extname(textFile))
  const entries = await readdir(dir).catch(() => [] as string[])
  const image = entries
    .filter((entry) => IMAGE_TYPES.has(path.extname(entry).toLowerCase()))
    .filter((entry) => path.basename(entry, path.extname(entry)) === base)
    .sort()[0]
  return image ? { kind: 'file', path: path.join(dir, image) } : { kind: 'placeholder' }
}

/** The bytes to upload, named after the article. Payload checks them (they must really be an image). */
export async function loadPhoto(source: PhotoSource, articleSlug: string, creditLine: string): Promise<PhotoUpload> {
  if (source.kind === 'file') {
    const ext = path.extname(source.path).toLowerCase()
    const data = await readFile(source.path)
    return {
      data,
      mimetype: IMAGE_TYPES.get(ext) ?? 'application/octet-stream',
      name: `${photoStem(articleSlug, 'file')}${ext === '.jpeg' ? '.jpg' : ext}`,
      size: data.length,
    }
  }
  const data = await placeholderJpeg(creditLine)
  return { data, mimetype: 'image/jpeg', name: `${photoStem(articleSlug, 'placeholder')}.jpg`, size: data.length }
}

/**
 * A 1600×900 grey JPEG that says plainly that the original photo is not included, with its credit,
 * so that nobody mistakes it for the picture the caption describes.
 */
export async function placeholderJpeg(creditLine: string): Promise<Buffer> {
  const { width, height, background } = PLACEHOLDER
  const font = "font-family=\"'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif\""
  const credit = creditLine ? `Photo: ${creditLine}` : ''
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <text x="50%" y="${height / 2 - 10}" ${font} font-size="64" fill="#ffffff" text-anchor="middle">Original photo not included</text>
  <text x="50%" y="${height / 2 + 70}" ${font} font-size="40" fill="#f0f0f0" text-anchor="middle">${escapeXml(credit)}</text>
</svg>`
  return sharp({ create: { width, height, channels: 3, background } })
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 80 })
    .toBuffer()
}

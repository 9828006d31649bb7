import type { Media } from '@/payload-types'
import { absoluteUrl } from '@/lib/content/urls'

/** The files of a photo as readers fetch them: the original or a generated size, with an absolute URL. */

export type ImageSizeName = keyof NonNullable<Media['sizes']>

/** One rendition of an image, with an absolute URL and whatever Payload knows about it. */
export interface ImageRendition {
  url: string
  width?: number
  height?: number
  mimeType?: string
  filesize?: number
}

interface FileFields {
  url?: string | null
  width?: number | null
  height?: number | null
  mimeType?: string | null
  filesize?: number | null
}

function rendition(origin: string, file: FileFields | undefined): ImageRendition | null {
  if (!file?.url) return null
  return {
    url: absoluteUrl(origin, file.url),
    ...(file.width ? { width: file.width } : {}),
    ...(file.height ? { height: file.height } : {}),
    ...(file.mimeType ? { mimeType: file.mimeType } : {}),
    ...(file.filesize ? { filesize: file.filesize } : {}),
  }
}

/** The uploaded file itself, or null when the document has no URL. */
export function originalImage(media: Media, origin: string): ImageRendition | null {
  return rendition(origin, media)
}

/**
 * The first of `preferred` sizes that was generated (Payload skips a size that would enlarge a
 * small original), else the original file.
 */
export function imageRendition(media: Media, origin: string, preferred: ImageSizeName[]): ImageRendition | null {
  for (const name of preferred) {
    const found = rendition(origin, media.sizes?.[name])
    if (found) return found
  }
  return originalImage(media, origin)
}

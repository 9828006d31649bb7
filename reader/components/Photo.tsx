/** @jsxImportSource preact */
import type { Media } from '@/payload-types'

/**
 * The <img> of a photo, wherever it appears: its alt text, framed on the editor's focal point, width
 * and height set (so nothing shifts while it loads), and fetched first only when it is the page's
 * main picture.
 */
export function Photo({ media, src, srcSet, sizes, width, height, priority, aspectRatio }: {
  media: Media
  src: string | undefined
  srcSet?: string
  sizes?: string
  width: number | null | undefined
  height: number | null | undefined
  priority: boolean
  aspectRatio?: string
}) {
  return (
    <img
      src={src}
      srcSet={srcSet}
      sizes={sizes}
      width={width ?? undefined}
      height={height ?? undefined}
      alt={media.alt}
      loading={priority ? 'eager' : 'lazy'}
      fetchpriority={priority ? 'high' : undefined}
      decoding="async"
      style={{ objectPosition: `${media.focalX ?? 50}% ${media.focalY ?? 50}%`, aspectRatio }}
    />
  )
}

/** @jsxImportSource preact */
import type { Media } from '@/payload-types'
import { creditLine } from '@/lib/photos/credit'

const SRCSET_SIZES = ['small', 'medium', 'hero'] as const

/**
 * A photo as readers see it: a responsive image at its own proportions (width and height set, so
 * nothing shifts while it loads, framed on the editor's focal point) above its caption and credit.
 */
export function Figure({ media, priority = false, sizes = '(min-width: 50rem) 48rem, 100vw' }: {
  media: Media
  priority?: boolean
  sizes?: string
}) {
  const credit = creditLine(media)
  const candidates = SRCSET_SIZES.map((name) => media.sizes?.[name])
    .filter((size): size is { url: string; width: number } => Boolean(size?.url && size.width))
    .map((size) => `${size.url} ${size.width}w`)
  const fallback = media.sizes?.medium?.url ?? media.url ?? undefined
  return (
    <figure className="figure">
      <img
        src={fallback}
        srcSet={candidates.length > 0 ? candidates.join(', ') : undefined}
        sizes={candidates.length > 0 ? sizes : undefined}
        width={media.width ?? undefined}
        height={media.height ?? undefined}
        alt={media.alt}
        loading={priority ? 'eager' : 'lazy'}
        fetchpriority={priority ? 'high' : undefined}
        decoding="async"
        style={{ objectPosition: `${media.focalX ?? 50}% ${media.focalY ?? 50}%` }}
      />
      {(media.caption || credit) && (
        <figcaption>
          {media.caption && <span className="caption">{media.caption}</span>}
          {credit && <span className="credit">Photo: {credit}</span>}
        </figcaption>
      )}
    </figure>
  )
}

/** @jsxImportSource preact */
import type { Media } from '@/payload-types'
import { creditLine } from '@/lib/photos/credit'
import { Photo } from './Photo'

const SRCSET_SIZES = ['small', 'medium', 'hero'] as const

/**
 * A photo as readers see it: a responsive image at its own proportions above its caption and credit.
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
      <Photo
        media={media}
        src={fallback}
        srcSet={candidates.length > 0 ? candidates.join(', ') : undefined}
        sizes={candidates.length > 0 ? sizes : undefined}
        width={media.width}
        height={media.height}
        priority={priority}
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

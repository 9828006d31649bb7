import type { Payload } from 'payload'
import type { Article, Media } from '@/payload-types'
import { paragraphsToLexical } from '@/lib/text/lexical'

// Test set-up writes through the Local API with access control off (its default), deliberately:
// the rules under test are exercised through REST and GraphQL, not here.

export async function createAuthor(payload: Payload, name = 'Ahmed Mohammed') {
  return payload.create({ collection: 'authors', data: { name } })
}

export async function createArticle(
  payload: Payload,
  data: Partial<Article> & { title: string },
  status: 'draft' | 'published' = 'published',
) {
  return payload.create({
    collection: 'articles',
    data: { body: paragraphsToLexical([`Body of ${data.title}.`]), ...data, _status: status },
    draft: status === 'draft',
  })
}

/** A valid 64×48 PNG made in memory. */
export async function pngBytes(width = 64, height = 48): Promise<Buffer> {
  const sharp = (await import('sharp')).default
  return sharp({ create: { width, height, channels: 3, background: { r: 120, g: 130, b: 140 } } })
    .png()
    .toBuffer()
}

/** Makes a photo one that readers may see, as an author's portrait (public from the start). */
export async function showToReaders(payload: Payload, photo: Media['id']) {
  return payload.create({ collection: 'authors', data: { name: `Portrait ${photo}`, photo } })
}

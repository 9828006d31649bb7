import type { Author } from '@/payload-types'
import { findOne } from './lookup'
import type { PieceResult } from './report'
import type { PieceWriter } from './writer'

/* A byline's author: found by slug, created, or given the name the piece spells. */

export async function upsertAuthor(writer: PieceWriter, { name, slug }: { name: string; slug: string }): Promise<PieceResult['authors'][number]> {
  const { payload } = writer
  const existing = await findOne<Author>(payload, 'authors', { slug: { equals: slug } }, writer.req())
  if (!existing) {
    const doc = await writer.create('authors', { slug: { equals: slug } }, `the author "${name}"`, () =>
      payload.create({ collection: 'authors', data: { name, slug }, req: writer.req() }),
    )
    return { id: doc.id, name, slug, action: 'created' }
  }
  if (existing.name === name) return { id: existing.id, name, slug, action: 'unchanged' }
  await writer.update('authors', existing.id, { name: existing.name }, `the author "${existing.name}"`, () =>
    payload.update({ collection: 'authors', id: existing.id, data: { name }, req: writer.req() }),
  )
  return { id: existing.id, name, slug, action: 'updated' }
}

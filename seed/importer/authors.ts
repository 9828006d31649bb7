import type { Author } from '@/payload-types'
import { findOne } from './lookup'
import type { PieceResult } from './report'
import type { PieceWriter } from './writer'

/* A byline's author: found by slug, created, or given the name the piece spells. */

export async function upsertAuthor(writer: PieceWriter, { name, slug }: { name: string; slug: string }): Promise<PieceResult['authors'][number]> {
  const { payload } = writer
  const key = `authors:${slug}`
  const existing = await writer.lookup<Pick<Author, 'id' | 'name'>>(key, () => findOne<Author>(payload, 'authors', { slug: { equals: slug } }, writer.req()))
  if (!existing) {
    const doc = await writer.create('authors', { slug: { equals: slug } }, `the author "${name}"`, () =>
      payload.create({ collection: 'authors', data: { name, slug }, depth: 0, req: writer.req() }),
    )
    writer.remember(key, { id: doc.id, name })
    return { id: doc.id, name, slug, action: 'created' }
  }
  // Another piece of the batch wrote it: unchanged by this one.
  if (existing.name === name) return { id: existing.id, name, slug, action: 'unchanged' }
  await writer.update('authors', existing.id, { name: existing.name }, `the author "${existing.name}"`, () =>
    payload.update({ collection: 'authors', id: existing.id, data: { name }, depth: 0, req: writer.req() }),
  )
  writer.remember(key, { id: existing.id, name })
  return { id: existing.id, name, slug, action: 'updated' }
}

import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { publishedBeforeChange } from '@/hooks/stored-article'
import { articlePath, authorPath } from '@/lib/content/site'

/**
 * Old URLs keep working: when a published article's or an author's slug changes, the old path
 * redirects (308) to the new one, through the redirects collection (stored in the database, so
 * every process and every restart sees it). Several renames stay one hop: redirects that pointed
 * at the old path are moved on to the new one. A path that a document now lives at — its own old
 * slug taken back, or an old slug another article reuses — loses its redirect: the page wins.
 * Paths are stored decoded (lib/content/redirects.ts), hence `decodeURI` of the encoded site paths.
 */
export async function movePath(req: PayloadRequest, from: string | null, to: string): Promise<void> {
  const { payload } = req
  // Looked up first: a delete by query counts, reads and clears preferences even when nothing matches,
  // and a new article (every import) has no redirect at its path.
  const { docs: shadowing } = await payload.find({ collection: 'redirects', where: { from: { equals: to } }, limit: 1, depth: 0, pagination: false, req })
  if (shadowing.length > 0) await payload.delete({ collection: 'redirects', where: { from: { equals: to } }, req })
  if (from === null || from === to) return
  await payload.update({ collection: 'redirects', where: { to: { equals: from } }, data: { to }, req })
  const { docs } = await payload.find({ collection: 'redirects', where: { from: { equals: from } }, limit: 1, depth: 0, req })
  const data = { from, to, status: '308' as const, origin: 'auto' as const }
  if (docs[0]) await payload.update({ collection: 'redirects', id: docs[0].id, data, req })
  else await payload.create({ collection: 'redirects', data, req })
}

const sitePath = (path: (slug: string) => string, slug: unknown) => (typeof slug === 'string' && slug !== '' ? decodeURI(path(slug)) : null)

export const articleSlugHistory: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (context.disableRevalidate || doc._status !== 'published') return doc
  const now = sitePath(articlePath, doc.slug)
  const before = sitePath(articlePath, publishedBeforeChange(req)?.slug)
  if (now !== null && now !== before) await movePath(req, before, now)
  return doc
}

export const authorSlugHistory: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context.disableRevalidate) return doc
  const now = sitePath(authorPath, doc.slug)
  const before = sitePath(authorPath, previousDoc?.slug)
  if (now !== null && now !== before) await movePath(req, before, now)
  return doc
}

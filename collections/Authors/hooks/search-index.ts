import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { afterCommit } from '@/lib/invalidation/after-commit'
import { articlesBy, syncArticle } from '@/lib/search/sync'

/** An author's name is indexed with each of their published articles: a rename (or removal) reindexes them. */
export const reindexAuthorArticles: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'create' || doc.name === previousDoc?.name) return doc
  const ids = await articlesBy(req, doc.id)
  await afterCommit(req, async () => {
    for (const id of ids) await syncArticle(req.payload, id)
  })
  return doc
}

export const reindexDeletedAuthorArticles: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const ids = await articlesBy(req, doc.id)
  await afterCommit(req, async () => {
    for (const id of ids) await syncArticle(req.payload, id)
  })
  return doc
}

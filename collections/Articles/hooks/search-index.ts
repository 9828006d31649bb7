import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { isDraftOnlySave, publishedBeforeChange } from '@/hooks/stored-article'
import { afterCommit } from '@/lib/invalidation/after-commit'
import { searchEngine } from '@/lib/search'
import { syncArticle } from '@/lib/search/sync'

/**
 * The search index follows what readers see (lib/search/sync.ts), once the change has committed:
 * a publish or an edit of a published article indexes it, an unpublish removes it. A draft-only
 * save (an autosave on a published article) changes nothing readers see: nothing read, nothing
 * written (hooks/stored-article.ts). A draft that was never published is never indexed.
 */
export const keepArticleIndexed: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (isDraftOnlySave(req)) return doc
  if (doc._status !== 'published' && !publishedBeforeChange(req)) return doc
  await afterCommit(req, () => syncArticle(req.payload, doc.id))
  return doc
}

export const removeDeletedArticle: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await afterCommit(req, () => searchEngine(req.payload).remove(String(doc.id)))
  return doc
}

export const searchIndexHooks = { afterChange: [keepArticleIndexed], afterDelete: [removeDeletedArticle] }

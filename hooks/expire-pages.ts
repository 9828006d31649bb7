import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  Payload,
  PayloadRequest,
} from 'payload'
import { TAGS, tagsForArticle, type ArticleLike } from '@/lib/content/cache-tags'
import { expireTags } from '@/lib/invalidation/expire'
import { isDraftOnlySave, publishedBeforeChange } from '@/hooks/stored-article'
import { PUBLISHED } from '@/lib/content/published'

/**
 * Publishing invalidates, reading is static: these hooks expire the cache tags of whatever shows the
 * changed document, in every process (lib/invalidation/expire.ts), once the change has committed. Only a bulk
 * load into a database no server serves yet (bench:scale's generator) passes
 * `context.disableRevalidate` to skip them.
 */
export const revalidateArticle: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (context.disableRevalidate) return doc
  const before = publishedBeforeChange(req)
  // A draft saved on top of a published article leaves it published: nothing to do, nothing read
  // (hooks/stored-article.ts). A draft status written to the stored document is an unpublish.
  if (doc._status === 'published' || (before && !isDraftOnlySave(req))) {
    await expireTags(tagsForArticle(doc, before), req)
  }
  return doc
}

export const revalidateDeletedArticle: CollectionAfterDeleteHook = async ({ doc, req, context }) => {
  if (!context.disableRevalidate && doc?._status === 'published') await expireTags(tagsForArticle(doc), req)
  return doc
}

/** An author's name, photo or slug shows on their page and in the byline of each of their articles. */
export const revalidateAuthor: CollectionAfterChangeHook = async ({ doc, previousDoc, req, context }) => {
  if (context.disableRevalidate) return doc
  const tags = [TAGS.authors, TAGS.author(doc.id), ...(await articleTagsWhere(req, { authors: { in: [doc.id] } }))]
  for (const slug of [doc.slug, previousDoc?.slug]) if (slug) tags.push(TAGS.authorSlug(slug))
  await expireTags(tags, req)
  return doc
}

/** A photo's caption or credit shows wherever it is the lead image, and on authors it portrays. */
export const revalidateMedia: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (context.disableRevalidate) return doc
  const tags = await articleTagsWhere(req, { leadImage: { equals: doc.id } })
  const { docs: authors } = await req.payload.find({
    collection: 'authors',
    where: { photo: { equals: doc.id } },
    select: { slug: true },
    pagination: false,
    depth: 0,
    req,
  })
  await expireTags([...tags, ...authors.flatMap((author) => [TAGS.author(author.id), TAGS.authorSlug(author.slug ?? '')])], req)
  return doc
}

export const revalidateDeleted: CollectionAfterDeleteHook = async (args) => {
  if (args.context.disableRevalidate) return args.doc
  const hook = args.collection.slug === 'authors' ? revalidateAuthor : revalidateMedia
  return hook({ ...args, data: args.doc, operation: 'update', previousDoc: args.doc })
}

async function articleTagsWhere(req: PayloadRequest, where: Parameters<Payload['find']>[0]['where']) {
  const { docs } = await req.payload.find({
    collection: 'articles',
    where: { and: [where ?? {}, PUBLISHED] },
    select: { slug: true, section: true, tagSlugs: true, authors: true, _status: true },
    pagination: false,
    depth: 0,
    req,
  })
  return docs.flatMap((doc) => tagsForArticle(doc as ArticleLike))
}

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  Payload,
  PayloadRequest,
} from 'payload'
import { TAGS, tagsForArticle, type ArticleLike } from '@/lib/content/cache-tags'
import { expireTags } from '@/lib/invalidation/expire'
import { PUBLISHED } from '@/lib/content/published'

/**
 * Publishing invalidates, reading is static: these hooks expire the cache tags of whatever shows the
 * changed document, in every process (lib/invalidation/expire.ts), once the change has committed. Only a bulk
 * load into a database no server serves yet (bench:scale's generator) passes
 * `context.disableRevalidate` to skip them.
 */
/**
 * What readers saw before the change, per request. (Not in `context`: the Local API call below gives
 * the request a fresh context object, so the afterChange hook would never see it.)
 */
const publishedBefore = new WeakMap<PayloadRequest, ArticleLike | null>()

/** The article as readers saw it before this request's change (null: unpublished or new). */
export const publishedBeforeChange = (req: PayloadRequest): ArticleLike | null | undefined => publishedBefore.get(req)

export const rememberPublishedArticle: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req, context }) => {
  // `originalDoc` is the latest version, which may be a draft: what readers see is the stored document.
  if (operation === 'update' && originalDoc?.id && !context.disableRevalidate) {
    publishedBefore.set(req, await publishedArticle(req, originalDoc.id))
  }
  return data
}

export const revalidateArticle: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (context.disableRevalidate) return doc
  const before = publishedBefore.get(req)
  publishedBefore.delete(req)
  if (doc._status === 'published') {
    await expireTags(tagsForArticle(doc, before), req)
  } else if (before && !(await publishedArticle(req, doc.id))) {
    // Unpublished. (A draft saved on top of a published article leaves it published: nothing to do.)
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

/** The article as readers currently see it, or null when it is not published. */
async function publishedArticle(req: PayloadRequest, id: number | string): Promise<ArticleLike | null> {
  // Deliberately without access control: the server's own bookkeeping reads the stored document.
  const stored = await req.payload.findByID({
    collection: 'articles',
    id,
    draft: false,
    depth: 0,
    select: { slug: true, section: true, tagSlugs: true, authors: true, _status: true, correctedAt: true },
    req,
    disableErrors: true,
  })
  return stored?._status === 'published' ? (stored as ArticleLike) : null
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

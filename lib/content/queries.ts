import { unstable_cache } from 'next/cache'
import type { PaginatedDocs, Where } from 'payload'
import type { Article, Author, User } from '@/payload-types'
import { TAGS } from './cache-tags'
import { payloadClient } from '@/lib/platform/payload'
import { previewUser } from '@/lib/security/preview'
import { locationOf, requestPath } from './redirects'
import { slugify } from '@/lib/text/slug'
import { siteIdentity, siteUrl, type Site } from './site'
import { declareTags } from '@/lib/invalidation/tag-scope'
import { PUBLISHED } from '@/lib/content/published'
import { listingIdPage, listingWhere, type Listing } from './listing-ids'

/**
 * The only place the reader site asks Payload for content. Every read runs with access control on
 * and no user, so it can only ever return what an anonymous reader may see (published articles);
 * each declares the cache tags that `hooks/expire-pages.ts` expires when that content changes.
 */

/**
 * A read cached under `keys` until one of `tags` is expired (or, given `revalidate`, that many seconds
 * have passed); the page being rendered learns the tags.
 */
export function cached<T>(read: () => Promise<T>, keys: string[], tags: string[], revalidate?: number): Promise<T> {
  declareTags(tags)
  return unstable_cache(read, keys, { tags, revalidate })()
}

/**
 * A read that only the page cache keeps: its tags are declared as `cached` does, but its result is
 * not copied into Next's data cache, which sizes each entry by serialising it (a 5,000-article
 * sitemap part: 830 KB of JSON, ~10 ms a render) to hold a second copy of what the page holds.
 */
export function tagged<T>(read: () => Promise<T>, tags: string[]): Promise<T> {
  declareTags(tags)
  return read()
}

export const PAGE_SIZE = 12

export interface ArticlePage<T = CardArticle> {
  docs: T[]
  page: number
  totalPages: number
  totalDocs: number
}

/** How the corrections log and its feed read their articles: published, newest first, with their authors and photos, no body. */
const LISTING = { collection: 'articles', depth: 1, overrideAccess: false, select: { body: false } } as const
/**
 * How a listing page reads its articles: only what a card shows (reader/components/ArticleCard.tsx),
 * its authors' names and its photo's frame, and the tags (a tag page's heading). Payload's work per
 * document follows the fields it reads: a tag page's twelve articles at 100,000 took 20 ms whole
 * (less the body), 6 as cards.
 */
export const CARDS = {
  ...LISTING,
  select: { title: true, slug: true, standfirst: true, kind: true, language: true, publishedAt: true, leadImage: true, authors: true, tags: true },
  populate: { authors: { name: true }, media: { alt: true, focalX: true, focalY: true, sizes: true, url: true, filename: true } },
} as const
/**
 * How `/feed.xml` reads its articles: what an item shows (lib/seo/feed.ts), its authors' names and
 * its photo's credit and files. Thirty articles by as many authors with as many photos, read whole,
 * took twice as long at 100,000 as thirty sharing a few of each at 100.
 */
const FEED = {
  ...LISTING,
  select: { title: true, slug: true, standfirst: true, language: true, publishedAt: true, updatedAt: true, section: true, tags: true, leadImage: true, authors: true },
  populate: {
    authors: { name: true },
    media: { alt: true, caption: true, credit: true, url: true, filename: true, mimeType: true, width: true, height: true, filesize: true, sizes: true },
  },
} as const
/** An article as `/feed.xml` has it (FEED). */
export type FeedArticle = Pick<Article, 'id' | keyof typeof FEED.select>
/** An article as a listing page has it (CARDS); a populated author or photo there holds only what CARDS names. */
export type CardArticle = Pick<Article, 'id' | keyof typeof CARDS.select>
const NEWEST_FIRST = ['-publishedAt', '-id']

/** Payload's page of results as a listing's page. */
const asPage = <T>(result: PaginatedDocs<T>, page: number): ArticlePage<T> => ({
  docs: result.docs,
  page: result.page ?? page,
  totalPages: result.totalPages,
  totalDocs: result.totalDocs,
})

async function listArticles(where: Where, page: number, limit = PAGE_SIZE, sort = NEWEST_FIRST): Promise<ArticlePage<Article>> {
  const payload = await payloadClient()
  return asPage(await payload.find({ ...LISTING, where: { and: [PUBLISHED, where] }, sort, page, limit }), page)
}

/** A page of a reader listing: its ids from the indexes where Payload's query costs more (lib/content/listing-ids.ts), its articles from Payload, as cards. */
async function listPublished(listing: Listing, page: number, limit = PAGE_SIZE): Promise<ArticlePage> {
  const payload = await payloadClient()
  const found = await listingIdPage(payload, listing, page, limit)
  if (!found) return asPage(await payload.find({ ...CARDS, where: { and: [PUBLISHED, listingWhere(listing)] }, sort: NEWEST_FIRST, page, limit }), page)
  const { ids, totalDocs } = found
  const docs = ids.length === 0 ? [] : (await payload.find({ ...CARDS, where: { and: [PUBLISHED, { id: { in: ids } }] }, sort: NEWEST_FIRST, limit: ids.length, pagination: false })).docs
  return { docs, page, totalPages: Math.ceil(totalDocs / limit), totalDocs }
}

/** The newest `limit` published articles as cards, uncounted: a rail has no pages (the count of every published article cost ~10 ms at 100,000). */
export const listNewest = (limit: number) =>
  cached(
    async () => {
      const payload = await payloadClient()
      return (await payload.find({ ...CARDS, where: PUBLISHED, sort: NEWEST_FIRST, limit, pagination: false })).docs
    },
    ['newest', String(limit)],
    [TAGS.latest],
  )

/** The newest `limit` published articles as the feed shows them (FEED), uncounted. */
export const listNewestForFeed = (limit: number) =>
  cached(
    async () => {
      const payload = await payloadClient()
      return (await payload.find({ ...FEED, where: PUBLISHED, sort: NEWEST_FIRST, limit, pagination: false })).docs
    },
    ['newest-for-feed', String(limit)],
    [TAGS.latest],
  )

/**
 * Published articles carrying a correction or clarification, most recently corrected first (the
 * /corrections log and its feed). "Greater than the epoch" rather than `exists`: on MongoDB a
 * stored null exists.
 */
export const listCorrected = (page = 1, limit = PAGE_SIZE) =>
  cached(
    () => listArticles({ correctedAt: { greater_than: '1970-01-01T00:00:00.000Z' } }, page, limit, ['-correctedAt', '-id']),
    ['corrected', String(page), String(limit)],
    [TAGS.corrections],
  )

/** The publication's identity (the site-settings global, public fields only) and the site's origin. */
export async function getSite(): Promise<Site> {
  const identity = await cached(
    async () => {
      const payload = await payloadClient()
      return siteIdentity(await payload.findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: false }))
    },
    ['site-settings'],
    [TAGS.site],
  )
  return { ...identity, origin: siteUrl() }
}

export const listLatest = (page = 1, limit = PAGE_SIZE) =>
  cached(() => listPublished({ by: 'latest' }, page, limit), ['latest', String(page), String(limit)], [TAGS.latest])

export const listByAuthor = (authorId: number | string, page = 1, limit = PAGE_SIZE) =>
  cached(
    () => listPublished({ by: 'author', author: authorId }, page, limit),
    ['by-author', String(authorId), String(page), String(limit)],
    [TAGS.author(authorId)],
  )

export const listBySection = (section: string, page = 1) =>
  cached(() => listPublished({ by: 'section', section }, page), ['by-section', section, String(page)], [TAGS.section(section)])

export const listByTag = (tagSlug: string, page = 1) =>
  cached(() => listPublished({ by: 'tag', tag: tagSlug }, page), ['by-tag', tagSlug, String(page)], [TAGS.tag(tagSlug)])

/** The article at this URL: as the reader sees it, or as `staff` sees it (its latest draft). */
async function findArticle(slug: string, staff: User | null): Promise<Article | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    where: staff ? { slug: { equals: slug } } : { and: [PUBLISHED, { slug: { equals: slug } }] },
    limit: 1,
    depth: 2,
    draft: staff !== null,
    // Always with access control: in draft mode, the previewing staff member's own.
    overrideAccess: false,
    user: staff ?? undefined,
  })
  return docs[0] ?? null
}

/** The published article at this URL; for staff previewing (a live staff session), its latest draft. */
export async function getArticleBySlug(slug: string): Promise<Article | null> {
  const staff = await previewUser()
  if (staff) return findArticle(slug, staff)
  return getPublishedArticle(slug)
}

/** The published article at this URL, never a draft (what syndication formats serve). */
export const getPublishedArticle = (slug: string) => cached(() => findArticle(slug, null), ['article', slug], [TAGS.article(slug)])

export const getAuthorBySlug = (slug: string) =>
  cached(
    async (): Promise<Author | null> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'authors',
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 1,
        overrideAccess: false,
      })
      return docs[0] ?? null
    },
    ['author', slug],
    [TAGS.authorSlug(slug)],
  )

/**
 * The tag as editors typed it ("Middle East"), for the heading of /tags/middle-east. Read off the
 * tag's first listing page, which the tag page reads anyway: a query of its own cost as much as the
 * listing (every article with the tag is matched, then sorted), for one word.
 */
export async function getTagLabel(tagSlug: string): Promise<string | null> {
  const { docs } = await listByTag(tagSlug, 1)
  return docs[0]?.tags?.find((tag) => slugify(tag) === tagSlug) ?? null
}

/**
 * Where an old path now goes (collections/Redirects/index.ts), for a request no page answered; null when
 * nowhere. Redirects are editors' records, not readers': the lookup reads them without access
 * control and returns only what the reader's browser is told anyway (status and Location).
 */
export async function findRedirect(pathname: string): Promise<{ redirect: string; status: number } | null> {
  const path = requestPath(pathname)
  if (path === null) return null
  return cached(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'redirects',
        where: { from: { equals: path } },
        limit: 1,
        depth: 0,
        pagination: false,
        select: { to: true, status: true },
      })
      const found = docs[0]
      return found ? { redirect: locationOf(found.to), status: Number(found.status) } : null
    },
    ['redirect', path],
    [TAGS.redirect(path)],
  )
}

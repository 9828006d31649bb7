import type { Where } from 'payload'
import type { Article, Author } from '@/payload-types'
import { TAGS } from './cache-tags'
import { payloadClient } from '@/lib/platform/payload'
import { cached, tagged } from './queries'
import { SECTIONS } from './sections'
import { NEWS_SITEMAP_LIMIT, SITEMAP_LIMIT, SITEMAP_PART_SIZE, sitemapPartCount } from '@/lib/seo/sitemap'
import type { SitemapSummary } from '@/lib/seo/sitemap-parts'
import { PUBLISHED } from '@/lib/content/published'
import { articlesOfMonth, publishedMonths } from './sitemap-months'

/**
 * What the sitemaps read, the way lib/content/queries.ts reads: through the Local API with access control
 * on and no user, so only published articles; cached under the tags hooks/expire-pages.ts expires.
 * The articles parts (one a month) and their dates are read through the adapter (sitemap-months.ts,
 * which says why). No read returns more than one part's worth of documents; the index reads two
 * index entries a month, and counts only the authors.
 */

export type SitemapArticle = Pick<Article, 'slug' | 'updatedAt' | 'publishedAt'>
export type SitemapAuthor = Pick<Author, 'id' | 'slug' | 'updatedAt'>
export type NewsSitemapArticle = Pick<Article, 'title' | 'slug' | 'publishedAt' | 'language' | 'kind'>

/** The newest published article matching `where`: the date index is walked until the first match. */
async function newestArticle(where: Where): Promise<Pick<Article, 'updatedAt'> | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'articles',
    where: { and: [PUBLISHED, where] },
    sort: ['-publishedAt', '-id'],
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { updatedAt: true },
  })
  return docs[0] ?? null
}

/** For the index: the authors' count, then each month with a published article and its latest update. */
export const getSitemapSummary = () =>
  cached(
    async (): Promise<SitemapSummary> => {
      const payload = await payloadClient()
      const [articleMonths, authors, home] = await Promise.all([
        publishedMonths(payload),
        payload.count({ collection: 'authors', overrideAccess: false }),
        newestArticle({}),
      ])
      return { homeLastmod: home?.updatedAt ?? null, authorParts: sitemapPartCount(authors.totalDocs, SITEMAP_PART_SIZE), articleMonths }
    },
    ['sitemap-summary'],
    [TAGS.latest, TAGS.authors],
  )

/** Home's last change and the sections that have a published article (one single-row read each). */
export const getSitemapPages = () =>
  cached(
    async (): Promise<{ homeLastmod: string | null; sections: string[] }> => {
      const [home, ...newestBySection] = await Promise.all([
        newestArticle({}),
        ...SECTIONS.map(({ value }) => newestArticle({ section: { equals: value } })),
      ])
      return {
        homeLastmod: home?.updatedAt ?? null,
        sections: SECTIONS.filter((_, index) => newestBySection[index]).map(({ value }) => value),
      }
    },
    ['sitemap-pages'],
    [TAGS.latest],
  )

/**
 * The articles part of `month` ('YYYY-MM'): the articles published that month and published now, in
 * publication order; at most SITEMAP_LIMIT (the most a sitemap file may list: 1,600 a day for a
 * month), past which the rest are left out with a warning. Kept only as the rendered part (`tagged`):
 * a part is the one large read.
 */
export const getSitemapArticles = (month: string) =>
  tagged(async (): Promise<SitemapArticle[]> => {
    const payload = await payloadClient()
    const articles = await articlesOfMonth(payload, month, SITEMAP_LIMIT + 1)
    if (articles.length <= SITEMAP_LIMIT) return articles
    payload.logger.warn(`The articles sitemap of ${month} lists the first ${SITEMAP_LIMIT} of its articles.`)
    return articles.slice(0, SITEMAP_LIMIT)
  }, [TAGS.latest])

/**
 * Authors part `page`: of that page of the authors collection, those with a published article; null
 * past the last page.
 */
export const getSitemapAuthors = (page: number) =>
  cached(
    async (): Promise<SitemapAuthor[] | null> => {
      const payload = await payloadClient()
      const { docs: authors } = await payload.find({
        collection: 'authors',
        sort: 'id',
        page,
        limit: SITEMAP_PART_SIZE,
        depth: 0,
        overrideAccess: false,
        select: { slug: true, updatedAt: true },
      })
      if (authors.length === 0) return null
      // Distinct bylines of the articles by these authors: their co-authors come too, and are dropped.
      const { values } = await payload.findDistinct({
        collection: 'articles',
        field: 'authors',
        where: { and: [PUBLISHED, { authors: { in: authors.map((author) => author.id) } }] },
        overrideAccess: false,
      })
      const bylined = new Set(values.map(({ authors: id }): unknown => id))
      return authors.filter((author) => bylined.has(author.id))
    },
    ['sitemap-authors', String(page)],
    [TAGS.latest, TAGS.authors],
  )

/**
 * The tags of published articles, alphabetically, at most SITEMAP_LIMIT (the most one sitemap file
 * may list; past it, the rest are left out with a warning).
 */
export const getSitemapTags = () =>
  cached(
    async (): Promise<string[]> => {
      const payload = await payloadClient()
      const { values, totalDocs } = await payload.findDistinct({
        collection: 'articles',
        field: 'tagSlugs',
        where: PUBLISHED,
        limit: SITEMAP_LIMIT,
        overrideAccess: false,
      })
      if (totalDocs > SITEMAP_LIMIT) payload.logger.warn(`The tags sitemap lists ${SITEMAP_LIMIT} of ${totalDocs} tags.`)
      // One value a row, whatever the field's type says; null stands for articles without tags.
      return values.flatMap(({ tagSlugs }) => {
        const tag: unknown = tagSlugs
        return typeof tag === 'string' ? [tag] : []
      })
    },
    ['sitemap-tags'],
    [TAGS.latest],
  )

/** Published articles with from ≤ publishedAt < to, newest first, at most NEWS_SITEMAP_LIMIT. */
export const getNewsSitemapArticles = ({ from, to }: { from: Date; to: Date }) =>
  cached(
    async (): Promise<NewsSitemapArticle[]> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: {
          and: [PUBLISHED, { publishedAt: { greater_than_equal: from.toISOString() } }, { publishedAt: { less_than: to.toISOString() } }],
        },
        sort: ['-publishedAt', '-id'],
        limit: NEWS_SITEMAP_LIMIT,
        pagination: false,
        depth: 0,
        overrideAccess: false,
        select: { title: true, slug: true, publishedAt: true, language: true, kind: true },
      })
      return docs
    },
    ['news-sitemap', from.toISOString(), to.toISOString()],
    [TAGS.latest],
  )

/** @jsxImportSource preact */
import { listingPath, pagedTitle } from '@/lib/content/pagination'
import { getSite, getTagLabel, listBySection, listByTag, type ArticlePage } from '@/lib/content/queries'
import { sectionLabel } from '@/lib/content/sections'
import { sectionPath, tagPath, type Site } from '@/lib/content/site'
import { simpleHead } from '@/lib/seo/page-head'
import { isSlug } from '@/lib/text/slug'
import { ArticleList } from '@/reader/components/ArticleList'
import type { PageResult } from '@/reader/page'

/** A section or tag page: a heading and its articles, newest first, paginated under `basePath`. */
function topicPage(site: Site, title: string, basePath: string, articles: ArticlePage): PageResult {
  if (articles.page > 1 && articles.docs.length === 0) return null
  const pageTitle = pagedTitle(title, articles.page)
  return {
    head: simpleHead(site, { title: pageTitle, path: listingPath(basePath, articles.page) }),
    body: (
      <>
        <h1>{pageTitle}</h1>
        {articles.docs.length === 0 && <p>Nothing has been published here yet.</p>}
        <ArticleList page={articles} hrefFor={(n) => listingPath(basePath, n)} label={title} />
      </>
    ),
  }
}

/** A section is always there (linked from every page's header), even before its first story. */
export async function sectionPage(slug: string, page: number): Promise<PageResult> {
  const label = sectionLabel(slug)
  if (!label) return null
  return topicPage(await getSite(), label, sectionPath(slug), await listBySection(slug, page))
}

/** A tag exists while a published story carries it. */
export async function tagPage(slug: string, page: number): Promise<PageResult> {
  const label = isSlug(slug) ? await getTagLabel(slug) : null
  if (!label) return null
  return topicPage(await getSite(), `Tagged “${label}”`, tagPath(slug), await listByTag(slug, page))
}

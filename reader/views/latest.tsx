/** @jsxImportSource preact */
import { listingPath, pagedTitle } from '@/lib/content/pagination'
import { getSite, listLatest } from '@/lib/content/queries'
import { simpleHead } from '@/lib/seo/page-head'
import { ArticleCard } from '@/reader/components/ArticleCard'
import { ArticleList } from '@/reader/components/ArticleList'
import type { PageResult } from '@/reader/page'

const TITLE = 'Latest news'

/** The front page (page 1: the lead story large, then the latest articles) and its older pages. */
export async function latestPage(page: number): Promise<PageResult> {
  const latest = await listLatest(page)
  if (page > 1 && latest.docs.length === 0) return null
  const first = latest.page === 1
  const [lead, ...rest] = first ? latest.docs : [undefined, ...latest.docs]
  return {
    // The front page's <title> is the site's name alone (simpleHead's default).
    head: simpleHead(await getSite(), { title: first ? undefined : pagedTitle(TITLE, page), path: listingPath('/', page) }),
    body: (
      <>
        <h1 className={first ? 'visually-hidden' : undefined}>{pagedTitle(TITLE, latest.page)}</h1>
        {lead && <ArticleCard article={lead} lead />}
        {latest.docs.length === 0 && <p>No articles have been published yet.</p>}
        <ArticleList page={{ ...latest, docs: rest.filter((doc) => doc !== undefined) }} hrefFor={(n) => listingPath('/', n)} label={TITLE} />
      </>
    ),
  }
}

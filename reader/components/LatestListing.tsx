/** @jsxImportSource preact */
import type { ArticlePage } from '@/lib/content/queries'
import { listingPath } from '@/lib/content/pagination'
import { ArticleCard } from './ArticleCard'
import { ArticleList } from './ArticleList'

/** The home page and its older pages: the lead story large on page 1, then the latest articles. */
export function LatestListing({ latest }: { latest: ArticlePage }) {
  const first = latest.page === 1
  const [lead, ...rest] = first ? latest.docs : [undefined, ...latest.docs]
  return (
    <>
      <h1 className={first ? 'visually-hidden' : undefined}>{first ? 'Latest news' : `Latest news, page ${latest.page}`}</h1>
      {lead && <ArticleCard article={lead} lead />}
      {latest.docs.length === 0 && <p>No articles have been published yet.</p>}
      <ArticleList
        page={{ ...latest, docs: rest.filter((doc) => doc !== undefined) }}
        hrefFor={(n) => listingPath('/', n)}
        label="Latest news"
      />
    </>
  )
}

import { notFound } from 'next/navigation'
import { ArticleCard } from '@/components/ArticleCard'
import { ArticleList } from '@/components/ArticleList'
import { listLatest } from '@/lib/queries'

/** The home page and its older pages: the lead story large on page 1, then the latest articles. */
export async function LatestListing({ page }: { page: number }) {
  const latest = await listLatest(page)
  if (page > 1 && latest.docs.length === 0) notFound()
  const [lead, ...rest] = page === 1 ? latest.docs : [undefined, ...latest.docs]
  return (
    <>
      <h1 className={page === 1 ? 'visually-hidden' : undefined}>
        {page === 1 ? 'Latest news' : `Latest news, page ${page}`}
      </h1>
      {lead && <ArticleCard article={lead} lead />}
      {latest.docs.length === 0 && <p>No articles have been published yet.</p>}
      <ArticleList
        page={{ ...latest, docs: rest.filter((doc) => doc !== undefined) }}
        hrefFor={(n) => (n === 1 ? '/' : `/page/${n}`)}
        label="Latest news"
      />
    </>
  )
}

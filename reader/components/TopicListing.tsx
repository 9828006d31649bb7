/** @jsxImportSource preact */
import { listingPath } from '@/lib/content/pagination'
import type { ArticlePage } from '@/lib/content/queries'
import { ArticleList } from './ArticleList'

/** A section or tag page: a heading and its articles, newest first, paginated under `basePath`. */
export function TopicListing({ title, articles, basePath }: { title: string; articles: ArticlePage; basePath: string }) {
  return (
    <>
      <h1>{articles.page === 1 ? title : `${title}, page ${articles.page}`}</h1>
      {articles.docs.length === 0 && <p>Nothing has been published here yet.</p>}
      <ArticleList page={articles} hrefFor={(n) => listingPath(basePath, n)} label={title} />
    </>
  )
}

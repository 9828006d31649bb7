import { notFound } from 'next/navigation'
import type { ArticlePage } from '@/lib/queries'
import { ArticleList } from './ArticleList'

/** A section or tag page: a heading and its articles, newest first, paginated under `basePath`. */
export function TopicListing({ title, articles, basePath }: { title: string; articles: ArticlePage; basePath: string }) {
  if (articles.docs.length === 0) notFound()
  return (
    <>
      <h1>{articles.page === 1 ? title : `${title}, page ${articles.page}`}</h1>
      <ArticleList page={articles} hrefFor={(n) => (n === 1 ? basePath : `${basePath}/page/${n}`)} label={title} />
    </>
  )
}

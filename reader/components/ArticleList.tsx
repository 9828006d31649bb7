/** @jsxImportSource preact */
import type { ArticlePage } from '@/lib/content/queries'
import { ArticleCard } from './ArticleCard'
import { Pagination } from './Pagination'

/** A page of articles with links to its neighbours; `hrefFor(n)` builds the URL of page n. */
export function ArticleList({ page, hrefFor, label }: { page: ArticlePage; hrefFor: (n: number) => string; label: string }) {
  return (
    <>
      <div className="card-grid">
        {page.docs.map((article) => (
          <ArticleCard key={article.id} article={article} />
        ))}
      </div>
      <Pagination page={page.page} totalPages={page.totalPages} hrefFor={hrefFor} label={label} />
    </>
  )
}

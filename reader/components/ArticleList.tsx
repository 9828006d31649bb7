/** @jsxImportSource preact */
import type { ArticlePage } from '@/lib/content/queries'
import { ArticleCard } from './ArticleCard'

/** A page of articles with links to its neighbours; `hrefFor(n)` builds the URL of page n. */
export function ArticleList({ page, hrefFor, label }: { page: ArticlePage; hrefFor: (n: number) => string; label: string }) {
  return (
    <>
      <div className="card-grid">
        {page.docs.map((article) => (
          <ArticleCard key={article.id} article={article} />
        ))}
      </div>
      {page.totalPages > 1 && (
        <nav className="pagination" aria-label={`${label}: pages`}>
          {page.page > 1 && (
            <a href={hrefFor(page.page - 1)} rel="prev">
              ← Newer
            </a>
          )}
          <span>
            Page {page.page} of {page.totalPages}
          </span>
          {page.page < page.totalPages && (
            <a href={hrefFor(page.page + 1)} rel="next">
              Older →
            </a>
          )}
        </nav>
      )}
    </>
  )
}

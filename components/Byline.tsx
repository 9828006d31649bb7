/** @jsxImportSource preact */
import type { Article, Author } from '@/payload-types'
import { formatDisplayDate, isUpdatedLater } from '@/lib/format'
import { isPopulated } from '@/lib/populated'
import { authorPath } from '@/lib/site'

export function Byline({ article }: { article: Article }) {
  const authors = (article.authors ?? []).filter(isPopulated<Author>)
  return (
    <div className="byline">
      {authors.length > 0 && (
        <p className="authors">
          By{' '}
          {authors.map((author, index) => (
            <span key={author.id}>
              {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
              <a href={authorPath(author.slug ?? '')} rel="author">
                {author.name}
              </a>
            </span>
          ))}
        </p>
      )}
      <p className="dates">
        {article.dateline && <span className="dateline">{article.dateline} · </span>}
        {article.publishedAt && (
          <time dateTime={article.publishedAt}>{formatDisplayDate(article.publishedAt)}</time>
        )}
        {article.publishedAt && isUpdatedLater(article.publishedAt, article.updatedAt) && (
          <span className="updated">
            {' '}
            · Updated <time dateTime={article.updatedAt}>{formatDisplayDate(article.updatedAt)}</time>
          </span>
        )}
      </p>
    </div>
  )
}

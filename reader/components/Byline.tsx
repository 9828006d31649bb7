/** @jsxImportSource preact */
import type { Article } from '@/payload-types'
import { formatDisplayDate, isUpdatedLater } from '@/lib/text/format'
import { dateLocale } from '@/lib/text/language'
import { populatedAuthors } from '@/lib/content/populated'
import { authorPath } from '@/lib/content/site'

export function Byline({ article }: { article: Article }) {
  const authors = populatedAuthors(article)
  // Dates in the article's language: "30 June 2025", "30 juin 2025", "٣٠ يونيو ٢٠٢٥".
  const locale = dateLocale(article.language)
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
          <time dateTime={article.publishedAt}>{formatDisplayDate(article.publishedAt, locale)}</time>
        )}
        {article.publishedAt && isUpdatedLater(article.publishedAt, article.updatedAt) && (
          <span className="updated">
            {' '}
            · Updated <time dateTime={article.updatedAt}>{formatDisplayDate(article.updatedAt, locale)}</time>
          </span>
        )}
      </p>
    </div>
  )
}

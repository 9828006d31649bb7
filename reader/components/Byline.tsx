/** @jsxImportSource preact */
import type { Article } from '@/payload-types'
import { formatDisplayDate } from '@/lib/text/format'
import { significantlyModifiedAt } from '@/lib/content/corrections'
import { dateLocale } from '@/lib/text/language'
import { populatedAuthors } from '@/lib/content/populated'
import { authorPath } from '@/lib/content/site'

export function Byline({ article }: { article: Article }) {
  const authors = populatedAuthors(article)
  // Dates in the article's language: "30 June 2025", "30 juin 2025", "٣٠ يونيو ٢٠٢٥".
  const locale = dateLocale(article.language)
  // "Updated" follows an editor's significant-update mark or a dated correction/update, never updatedAt.
  const updated = significantlyModifiedAt(article)
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
        {article.publishedAt && updated && (
          <span className="updated">
            {' '}
            · Updated <time dateTime={updated}>{formatDisplayDate(updated, locale)}</time>
          </span>
        )}
      </p>
    </div>
  )
}

/** @jsxImportSource preact */
import type { Article, Author, Media } from '@/payload-types'
import { formatDisplayDate } from '@/lib/text/format'
import { dateLocale, SITE_LANGUAGE, textDirection } from '@/lib/text/language'
import { isPopulated } from '@/lib/content/populated'
import { articlePath } from '@/lib/content/site'
import { KindLabel } from './KindLabel'

/** One article in a list: the lead story large, the others compact. */
export function ArticleCard({ article, lead = false }: { article: Article; lead?: boolean }) {
  const image = isPopulated<Media>(article.leadImage) ? article.leadImage : null
  const card = lead ? image?.sizes?.hero : image?.sizes?.card
  const authors = (article.authors ?? []).filter(isPopulated<Author>)
  const Heading = lead ? 'h2' : 'h3'
  const language = article.language ?? SITE_LANGUAGE
  // Listings mix languages (an English rail on an Arabic page, an Arabic story on the front page):
  // each card says its own language and direction.
  return (
    <article className={lead ? 'card card-lead' : 'card'} lang={language} dir={textDirection(language)}>
      {image && card?.url && (
        <img
          src={card.url}
          width={card.width ?? undefined}
          height={card.height ?? undefined}
          alt={image.alt}
          loading={lead ? 'eager' : 'lazy'}
          fetchpriority={lead ? 'high' : undefined}
          decoding="async"
          sizes={lead ? '(min-width: 64rem) 60rem, 100vw' : '(min-width: 40rem) 20rem, 100vw'}
          style={{
            objectPosition: `${image.focalX ?? 50}% ${image.focalY ?? 50}%`,
            // The lead photo keeps its own proportions (the others are cropped to 16:9 by the stylesheet);
            // said here so the browser reserves its space before it loads.
            aspectRatio: lead && card.width && card.height ? `${card.width} / ${card.height}` : undefined,
          }}
        />
      )}
      <KindLabel kind={article.kind} />
      <Heading>
        <a href={articlePath(article.slug ?? '')}>{article.title}</a>
      </Heading>
      {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
      <p className="meta">
        {authors.map((author) => author.name).join(', ')}
        {authors.length > 0 && article.publishedAt && ' · '}
        {article.publishedAt && <time dateTime={article.publishedAt}>{formatDisplayDate(article.publishedAt, dateLocale(language))}</time>}
      </p>
    </article>
  )
}

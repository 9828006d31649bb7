/** @jsxImportSource preact */
import type { CardArticle } from '@/lib/content/queries'
import { formatDisplayDate } from '@/lib/text/format'
import { dateLocale, SITE_LANGUAGE, textDirection } from '@/lib/text/language'
import { populatedAuthors, populatedLeadImage } from '@/lib/content/populated'
import { articlePath } from '@/lib/content/site'
import { KindLabel } from './KindLabel'
import { Photo } from './Photo'

/** One article in a list: the lead story large, the others compact. */
export function ArticleCard({ article, lead = false }: { article: CardArticle; lead?: boolean }) {
  const image = populatedLeadImage(article)
  const card = lead ? image?.sizes?.hero : image?.sizes?.card
  const authors = populatedAuthors(article)
  const Heading = lead ? 'h2' : 'h3'
  const language = article.language ?? SITE_LANGUAGE
  // Listings mix languages (an English rail on an Arabic page, an Arabic story on the front page):
  // each card says its own language and direction.
  return (
    <article className={lead ? 'card card-lead' : 'card'} lang={language} dir={textDirection(language)}>
      {image && card?.url && (
        <Photo
          media={image}
          src={card.url}
          width={card.width}
          height={card.height}
          priority={lead}
          sizes={lead ? '(min-width: 64rem) 60rem, 100vw' : '(min-width: 40rem) 20rem, 100vw'}
          // The lead photo keeps its own proportions (the others are cropped to 16:9 by the stylesheet);
          // said here so the browser reserves its space before it loads.
          aspectRatio={lead && card.width && card.height ? `${card.width} / ${card.height}` : undefined}
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

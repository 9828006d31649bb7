/** @jsxImportSource preact */
import type { CardArticle } from '@/lib/content/queries'
import { ArticleCard } from './ArticleCard'

/** A row of related articles under a story ("More by …", "Latest"), leaving out the story itself. */
export function Rail({ id, title, articles, exclude, max }: {
  id: string
  title: string
  articles: CardArticle[]
  exclude: CardArticle['id']
  max: number
}) {
  const shown = articles.filter((doc) => doc.id !== exclude).slice(0, max)
  if (shown.length === 0) return null
  return (
    <section className="rail" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <div className="card-grid">
        {shown.map((doc) => (
          <ArticleCard key={doc.id} article={doc} />
        ))}
      </div>
    </section>
  )
}

/** @jsxImportSource preact */
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { draftMode } from 'next/headers'
import { ArticleBody } from '@/reader/components/ArticleBody'
import { Byline } from '@/reader/components/Byline'
import { CorrectionNotice, CorrectionsBox } from '@/reader/components/Corrections'
import { KindLabel } from '@/reader/components/KindLabel'
import { dateLocale } from '@/lib/text/language'
import { Figure } from '@/reader/components/Figure'
import { Rail } from '@/reader/components/Rail'
import { articleHead } from '@/lib/seo/page-head'
import { populatedAuthors, populatedLeadImage } from '@/lib/content/populated'
import { getArticleBySlug, getSite, listByAuthor, listNewest } from '@/lib/content/queries'
import { relatedArticles } from '@/lib/content/search'
import { SECTIONS } from '@/lib/content/sections'
import type { PageResult } from '@/reader/page'
import { sectionPath, tagPath } from '@/lib/content/site'
import { isSlug, slugify } from '@/lib/text/slug'

/** A story: the published version, or in draft mode (staff only) its latest draft. */
export async function articlePage(slug: string): Promise<PageResult> {
  // Not in slug form (the route receives it decoded): no such article, without asking the database.
  const article = isSlug(slug) ? await getArticleBySlug(slug) : null
  if (!article) return null
  const { isEnabled: preview } = await draftMode()
  const image = populatedLeadImage(article)
  const firstAuthor = populatedAuthors(article)[0]
  const [moreByAuthor, latest, related, site] = await Promise.all([
    firstAuthor ? listByAuthor(firstAuthor.id, 1, 4) : null,
    // A rail, not a page: uncounted (counting every published article is linear in the archive).
    listNewest(5),
    relatedArticles(article, 4),
    getSite(),
  ])
  const locale = dateLocale(article.language)
  const section = SECTIONS.find((option) => option.value === article.section)
  const head = articleHead(article, site)
  return {
    head: preview ? { ...head, noindex: true } : head,
    body: (
      <>
        {preview && (
          <p className="preview-banner" role="status">
            Preview of the latest draft ({article._status}). <a href="/preview/exit">Leave preview</a>
          </p>
        )}
        <article className="article">
          <header>
            {section && (
              <p className="kicker">
                <a href={sectionPath(section.value)}>{section.label}</a>
              </p>
            )}
            <KindLabel kind={article.kind} />
            <h1>{article.title}</h1>
            {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
            <Byline article={article} />
            <CorrectionNotice entries={article.corrections} locale={locale} />
          </header>
          {image && <Figure media={image} priority />}
          {article.body && <ArticleBody body={article.body as unknown as SerializedEditorState} />}
          {article.tags && article.tags.length > 0 && (
            <ul className="tags" aria-label="Tags">
              {article.tags.map((tag) => (
                <li key={tag}>
                  <a href={tagPath(slugify(tag))}>{tag}</a>
                </li>
              ))}
            </ul>
          )}
          <CorrectionsBox entries={article.corrections} locale={locale} />
        </article>
        <Rail id="related" title="Related stories" articles={related} exclude={article.id} max={4} />
        {firstAuthor && moreByAuthor && (
          <Rail id="more-by-author" title={`More by ${firstAuthor.name}`} articles={moreByAuthor.docs} exclude={article.id} max={3} />
        )}
        <Rail id="latest" title="Latest" articles={latest} exclude={article.id} max={4} />
      </>
    ),
  }
}

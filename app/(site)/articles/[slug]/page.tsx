import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ArticleBody } from '@/components/ArticleBody'
import { Byline } from '@/components/Byline'
import { Figure } from '@/components/Figure'
import { Rail } from '@/components/Rail'
import type { Author, Media } from '@/payload-types'
import { SECTIONS } from '@/lib/sections'
import { breadcrumbJsonLd, jsonLdScript, newsArticleJsonLd } from '@/lib/jsonld'
import { isPopulated } from '@/lib/populated'
import { getArticleBySlug, listByAuthor, listLatest } from '@/lib/queries'
import { articlePath, authorPath, sectionPath, SITE_NAME, siteUrl, tagPath } from '@/lib/site'
import { slugify } from '@/lib/slug'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first visit, then served from the cache until an editor's change expires it.
export const generateStaticParams = () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug)
  if (!article) return { title: 'Article not found' }
  const image = isPopulated<Media>(article.leadImage) ? article.leadImage : null
  const social = image?.sizes?.social
  const authors = (article.authors ?? []).filter(isPopulated<Author>)
  const url = articlePath(article.slug ?? '')
  return {
    title: article.title,
    description: article.standfirst ?? undefined,
    alternates: { canonical: url },
    authors: authors.map((author) => ({ name: author.name, url: authorPath(author.slug ?? '') })),
    openGraph: {
      type: 'article',
      url,
      siteName: SITE_NAME,
      title: article.title,
      description: article.standfirst ?? undefined,
      publishedTime: article.publishedAt ?? undefined,
      modifiedTime: article.updatedAt,
      authors: authors.map((author) => `${siteUrl()}${authorPath(author.slug ?? '')}`),
      section: article.section ?? undefined,
      tags: article.tags ?? undefined,
      images: social?.url
        ? [{ url: `${siteUrl()}${social.url}`, width: social.width ?? 1200, height: social.height ?? 630, alt: image?.alt }]
        : undefined,
    },
    twitter: {
      card: social?.url ? 'summary_large_image' : 'summary',
      title: article.title,
      description: article.standfirst ?? undefined,
      images: social?.url ? [`${siteUrl()}${social.url}`] : undefined,
    },
  }
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params
  const article = await getArticleBySlug(slug)
  if (!article) notFound()
  const { isEnabled: preview } = await draftMode()

  const image = isPopulated<Media>(article.leadImage) ? article.leadImage : null
  const authors = (article.authors ?? []).filter(isPopulated<Author>)
  const firstAuthor = authors[0]
  const [moreByAuthor, latest] = await Promise.all([
    firstAuthor ? listByAuthor(firstAuthor.id, 1, 4) : null,
    listLatest(1, 5),
  ])
  const section = SECTIONS.find((option) => option.value === article.section)
  const origin = siteUrl()
  const structuredData = [
    newsArticleJsonLd(article, { origin, publisher: { name: SITE_NAME } }),
    breadcrumbJsonLd([
      { name: SITE_NAME, url: `${origin}/` },
      ...(section ? [{ name: section.label, url: `${origin}${sectionPath(section.value)}` }] : []),
      { name: article.title, url: `${origin}${articlePath(slug)}` },
    ]),
  ]

  return (
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
              <Link href={sectionPath(section.value)}>{section.label}</Link>
            </p>
          )}
          <h1>{article.title}</h1>
          {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
          <Byline article={article} />
        </header>
        {image && <Figure media={image} priority />}
        {article.body && <ArticleBody body={article.body as unknown as SerializedEditorState} />}
        {article.tags && article.tags.length > 0 && (
          <ul className="tags" aria-label="Tags">
            {article.tags.map((tag) => (
              <li key={tag}>
                <Link href={tagPath(slugify(tag))}>{tag}</Link>
              </li>
            ))}
          </ul>
        )}
      </article>
      {firstAuthor && moreByAuthor && (
        <Rail id="more-by-author" title={`More by ${firstAuthor.name}`} articles={moreByAuthor.docs} exclude={article.id} max={3} />
      )}
      <Rail id="latest" title="Latest" articles={latest.docs} exclude={article.id} max={4} />
      {structuredData.map((data, index) => (
        <script key={index} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(data) }} />
      ))}
    </>
  )
}

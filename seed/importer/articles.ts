import { SITE_LANGUAGE } from '@/lib/text/language'
import { paragraphsToLexical } from '@/lib/text/lexical'
import type { Article } from '@/payload-types'
import type { ParsedArticle } from '@/seed/parse'
import { sameJson } from './lookup'
import type { Id, PieceResult } from './report'
import type { PieceWriter } from './writer'

/* The article: created dated as the piece is, or updated in the fields that differ (no new version otherwise). */

type ArticleFields = Required<Pick<Article, 'title' | 'standfirst' | 'authors' | 'leadImage' | 'body' | 'publishedAt'>> & {
  language: string
  slug: string
  _status: 'published'
}

export async function upsertArticle(
  writer: PieceWriter,
  parsed: ParsedArticle,
  authorIds: Id[],
  leadImage: Id | null,
  existing: Article | undefined,
): Promise<NonNullable<PieceResult['article']>> {
  const { payload } = writer
  // The newsroom dates a piece by day: midnight UTC of that day.
  const publishedAt = `${parsed.publishedDate}T00:00:00.000Z`
  const wanted: ArticleFields = {
    title: parsed.title,
    slug: parsed.slug,
    language: parsed.language,
    standfirst: parsed.standfirst,
    // IDs are numbers on SQLite and strings on MongoDB; the generated types only know the first.
    authors: authorIds as number[],
    leadImage: leadImage as number | null,
    body: paragraphsToLexical(parsed.paragraphs),
    publishedAt,
    _status: 'published',
  }
  if (!existing) {
    // Dated as the piece is: an imported article was not "updated" on the day it was imported.
    const { _status, ...fields } = wanted
    const queued = await writer.queueArticle({ ...fields, authors: authorIds, leadImage, publishedAt, createdAt: publishedAt, updatedAt: publishedAt })
    if (queued !== null) return { id: queued, slug: parsed.slug, action: 'created' }
    const doc = await writer.create('articles', { slug: { equals: parsed.slug } }, `the article "${parsed.slug}"`, () =>
      payload.create({
        collection: 'articles',
        data: { ...wanted, createdAt: publishedAt, updatedAt: publishedAt },
        draft: false,
        depth: 0,
        req: writer.req(),
      }),
    )
    return { id: doc.id, slug: parsed.slug, action: 'created' }
  }

  const current: Record<keyof ArticleFields, unknown> = {
    title: existing.title,
    slug: existing.slug,
    // Stored before articles had a language: the site's, which is what the column defaults to.
    language: existing.language ?? SITE_LANGUAGE,
    standfirst: existing.standfirst ?? null,
    authors: (existing.authors ?? []).map((author) => (typeof author === 'object' ? author.id : author)),
    leadImage: typeof existing.leadImage === 'object' && existing.leadImage !== null ? existing.leadImage.id : (existing.leadImage ?? null),
    body: existing.body ?? null,
    publishedAt: existing.publishedAt ? new Date(existing.publishedAt).toISOString() : null,
    _status: existing._status,
  }
  const changed = (Object.keys(wanted) as (keyof ArticleFields)[]).filter((key) => !sameJson(current[key], wanted[key]))
  if (changed.length === 0) return { id: existing.id, slug: parsed.slug, action: 'unchanged' }

  const data = Object.fromEntries(changed.map((key) => [key, wanted[key]])) as Partial<ArticleFields>
  const previous = Object.fromEntries(changed.map((key) => [key, current[key]]))
  await writer.update('articles', existing.id, previous, `the article "${parsed.slug}"`, () =>
    payload.update({
      collection: 'articles',
      id: existing.id,
      data: { ...data, _status: 'published' },
      draft: false,
      depth: 0,
      req: writer.req(),
    }),
  )
  return { id: existing.id, slug: parsed.slug, action: 'updated' }
}

/**
 * What kind of journalism an article is: shown above its headline and on its cards, and the
 * schema.org type of its JSON-LD. Pure.
 */
export const ARTICLE_KINDS = [
  { value: 'news', label: 'News', schemaType: 'NewsArticle' },
  { value: 'analysis', label: 'Analysis', schemaType: 'AnalysisNewsArticle' },
  { value: 'opinion', label: 'Opinion', schemaType: 'OpinionNewsArticle' },
  { value: 'review', label: 'Review', schemaType: 'ReviewNewsArticle' },
  { value: 'explainer', label: 'Explainer', schemaType: 'BackgroundNewsArticle' },
  { value: 'sponsored', label: 'Sponsored', schemaType: 'AdvertiserContentArticle' },
  // A fact check is news about a claim; the ClaimReview beside it carries the verdict.
  { value: 'factCheck', label: 'Fact check', schemaType: 'NewsArticle' },
] as const

export type ArticleKind = (typeof ARTICLE_KINDS)[number]['value']
export type ArticleSchemaType = (typeof ARTICLE_KINDS)[number]['schemaType']

export const DEFAULT_KIND: ArticleKind = 'news'

const kindOf = (kind: string | null | undefined) => ARTICLE_KINDS.find((option) => option.value === kind) ?? ARTICLE_KINDS[0]

/** The label readers see, or null for plain news (which carries none). */
export function kindLabel(kind: string | null | undefined): string | null {
  const found = kindOf(kind)
  return found.value === DEFAULT_KIND ? null : found.label
}

export const kindSchemaType = (kind: string | null | undefined): ArticleSchemaType => kindOf(kind).schemaType

/** Sponsored content is never offered to Google News. */
export const inNewsSitemap = (kind: string | null | undefined): boolean => kindOf(kind).value !== 'sponsored'

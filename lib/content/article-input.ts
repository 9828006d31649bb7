import { idOf } from '@/lib/content/populated'
import { SECTIONS } from './sections'
import { correctionsInputErrors } from './corrections'
import { ARTICLE_KINDS } from './labels'

/**
 * What an article may hold, checked on every save, drafts and autosaves included (Payload validates
 * drafts not at all): right types, bounded sizes, known sections. Fields a draft may leave empty
 * (authors, lead image, body…) may still be empty; what publishing needs is checked on publishing.
 * Only the fields present are checked (a PATCH sends some). Pure: the hook adds what needs the
 * database (that related documents exist).
 */
export const ARTICLE_LIMITS = { title: 300, standfirst: 1_000, dateline: 100, tags: 30, tag: 60, bodyJson: 1_000_000 } as const

export interface FieldError {
  path: string
  message: string
}

const SECTION_VALUES: readonly string[] = SECTIONS.map((section) => section.value)

type Check = (value: unknown) => string | null

const text =
  (label: string, max: number, required = false): Check =>
  (value) => {
    if (value == null) return required ? `The ${label} must be text.` : null
    if (typeof value !== 'string') return `The ${label} must be text.`
    return value.length > max ? `The ${label} may be at most ${max} characters long (it is ${value.length}).` : null
  }

const CHECKS: Record<string, Check> = {
  title: text('headline', ARTICLE_LIMITS.title, true),
  standfirst: text('standfirst', ARTICLE_LIMITS.standfirst),
  dateline: text('dateline', ARTICLE_LIMITS.dateline),
  section: (value) =>
    value == null || (typeof value === 'string' && SECTION_VALUES.includes(value))
      ? null
      : `The section must be one of: ${SECTION_VALUES.join(', ')}.`,
  tags: (value) => {
    if (value == null) return null
    if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string')) return 'Tags must be a list of words or phrases (text).'
    if (value.length > ARTICLE_LIMITS.tags) return `An article may have at most ${ARTICLE_LIMITS.tags} tags (it has ${value.length}).`
    const long = value.find((tag: string) => tag.trim().length > ARTICLE_LIMITS.tag)
    return long === undefined ? null : `Each tag may be at most ${ARTICLE_LIMITS.tag} characters long ("${long.slice(0, 20)}…" is ${long.trim().length}).`
  },
  body: (value) => {
    if (value == null) return null
    const root = (value as { root?: { type?: unknown; children?: unknown } } | null)?.root
    if (typeof value !== 'object' || Array.isArray(value) || !root || root.type !== 'root' || !Array.isArray(root.children)) {
      return 'The body must be a rich-text (Lexical) document: { "root": { "type": "root", "children": [...] } }.'
    }
    const size = JSON.stringify(value).length
    return size > ARTICLE_LIMITS.bodyJson ? `The body is too large (${size} characters of rich text; at most ${ARTICLE_LIMITS.bodyJson}).` : null
  },
  publishedAt: (value) => {
    if (value == null) return null
    const valid = (typeof value === 'string' || value instanceof Date) && !Number.isNaN(new Date(value).getTime())
    return valid ? null : 'The publication date must be a date, e.g. "2025-06-30T08:00:00.000Z".'
  },
  leadImage: (value) => (value == null || idOf(value) !== null ? null : 'The lead image must be the id of a photo.'),
  authors: (value) =>
    value == null || (Array.isArray(value) && value.every((author) => idOf(author) !== null))
      ? null
      : 'Authors must be a list of author ids.',
  _status: (value) => (value == null || value === 'draft' || value === 'published' ? null : 'The status must be draft or published.'),
  corrections: (value) => correctionsInputErrors(value).join(' ') || null,
  kind: (value) =>
    value == null || ARTICLE_KINDS.some((kind) => kind.value === value) ? null : `The label must be one of: ${ARTICLE_KINDS.map((kind) => kind.value).join(', ')}.`,
}

/** The type and size errors in the submitted fields of an article, one per field. */
export function articleInputErrors(data: unknown): FieldError[] {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [{ path: 'data', message: 'An article must be a JSON object.' }]
  return Object.entries(CHECKS).flatMap(([path, check]) => {
    if (!(path in data)) return []
    const message = check((data as Record<string, unknown>)[path])
    return message ? [{ path, message }] : []
  })
}

/** The related ids the article names, by the collection they must exist in. */
export function relatedIds(data: Record<string, unknown>): { media: (number | string)[]; authors: (number | string)[] } {
  const lead = idOf(data.leadImage)
  return {
    media: lead === null ? [] : [lead],
    authors: Array.isArray(data.authors) ? data.authors.map(idOf).filter((id): id is number | string => id !== null) : [],
  }
}

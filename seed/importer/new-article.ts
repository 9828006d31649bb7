import { articleInputErrors, type FieldError } from '@/lib/content/article-input'
import { idOf } from '@/lib/content/populated'
import { FIRST_STAGE, isStage, type Stage, unknownStage } from '@/lib/content/stages'
import { type CheckedPhoto, missingPhotoFields, publishRefusal, uploadIdsInLexical } from '@/lib/photos/checks'
import { canonicalLanguage, SITE_LANGUAGE, validateLanguage } from '@/lib/text/language'
import { controlCharacterErrors } from '@/lib/text/sentences'
import { slugify, validateSlug } from '@/lib/text/slug'
import { monthOf } from '@/lib/seo/sitemap-parts'
import { utcDate } from '@/lib/text/dates'
import type { Id } from './report'

/*
 * A new published article as the bulk path writes it (direct.ts), pure: what the import gives, the
 * checks the collection's hooks and validation would make, and the document the Local API would store.
 */

/** What an import gives of a new article; everything else is what the collection gives a new one. */
export interface NewArticle {
  title: string
  slug: string
  language?: string
  standfirst?: string | null
  authors: Id[]
  leadImage?: Id | null
  body?: unknown
  publishedAt: string
  section?: string | null
  tags?: string[]
  dateline?: string | null
  /** The desk's: where the story stands (lib/content/stages.ts), who has it, by when. */
  stage?: Stage
  assignee?: Id | null
  dueAt?: string | null
  /** Dated as the piece is, when given (an imported article was not "updated" on the day it was imported). */
  createdAt?: string
  updatedAt?: string
}

const ALLOWED = new Set<string>([
  'title', 'slug', 'language', 'standfirst', 'authors', 'leadImage', 'body', 'publishedAt', 'section', 'tags', 'dateline', 'stage', 'assignee', 'dueAt',
  'createdAt', 'updatedAt',
])

/** The photos an article shows: its lead image and the uploads in its body (pure). */
export function photosOf(article: Pick<NewArticle, 'leadImage' | 'body'>): Id[] {
  const lead = idOf(article.leadImage)
  return [...new Map([...(lead !== null ? [lead] : []), ...uploadIdsInLexical(article.body)].map((id) => [String(id), id])).values()]
}

/** The tags as the field's hook keeps them (trimmed, once each) and their URL forms (pure). */
export function tagsOf(tags: readonly string[] | undefined): { tags: string[]; tagSlugs: string[] } {
  const kept = [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))]
  return { tags: kept, tagSlugs: [...new Set(kept.map((tag) => slugify(tag)).filter(Boolean))] }
}

/**
 * Why the Local API would refuse to publish this new article, field by field (pure): `authors` and
 * `photos` are those that exist, by id as a string. Anything the bulk path does not compute as the
 * collection would (a field it does not know, a slug or language not already in their stored form)
 * is refused too, rather than stored differently.
 */
export function newArticleErrors(
  article: NewArticle,
  authors: ReadonlySet<string>,
  photos: ReadonlyMap<string, CheckedPhoto>,
  users: ReadonlySet<string> = new Set(),
): FieldError[] {
  const unknown = Object.keys(article).filter((key) => !ALLOWED.has(key))
  if (unknown.length > 0) return unknown.map((path) => ({ path, message: `The bulk path does not write ${path}.` }))
  const errors = [...articleInputErrors(article), ...controlCharacterErrors(article)]
  if (errors.length > 0) return errors
  if (typeof article.title !== 'string' || article.title.trim() === '') errors.push({ path: 'title', message: 'A headline is required.' })
  const slugProblem = validateSlug(article.slug)
  if (slugProblem !== true) errors.push({ path: 'slug', message: slugProblem })
  else if (slugify(article.slug, article.language) !== article.slug) errors.push({ path: 'slug', message: `"${article.slug}" is not in slug form.` })
  const language = article.language ?? SITE_LANGUAGE
  const languageProblem = validateLanguage(language)
  if (languageProblem !== true) errors.push({ path: 'language', message: languageProblem })
  else if (canonicalLanguage(language) !== language) errors.push({ path: 'language', message: `"${language}" is not in its canonical form.` })
  if (!Array.isArray(article.authors) || article.authors.length === 0) errors.push({ path: 'authors', message: 'Add at least one author before publishing.' })
  else {
    const missing = article.authors.filter((id) => !authors.has(String(id)))
    if (missing.length > 0) errors.push({ path: 'authors', message: `There is no author with id ${missing.join(', ')}.` })
  }
  if (typeof article.publishedAt !== 'string' || Number.isNaN(Date.parse(article.publishedAt))) {
    errors.push({ path: 'publishedAt', message: 'A publication date is required.' })
  }
  if (article.stage !== undefined && !isStage(article.stage)) errors.push({ path: 'stage', message: unknownStage(article.stage) })
  const assignee = idOf(article.assignee)
  if (assignee !== null && !users.has(String(assignee))) errors.push({ path: 'assignee', message: `There is no user with id ${assignee}.` })
  if (article.dueAt != null && (typeof article.dueAt !== 'string' || Number.isNaN(Date.parse(article.dueAt)))) {
    errors.push({ path: 'dueAt', message: 'The due date must be a date, e.g. "2025-06-30T08:00:00.000Z".' })
  }
  const lead = idOf(article.leadImage)
  for (const id of photosOf(article)) {
    const path = lead !== null && String(id) === String(lead) ? 'leadImage' : 'body'
    const photo = photos.get(String(id))
    if (!photo) {
      errors.push({ path, message: `There is no photo with id ${id}.` })
      continue
    }
    const missing = missingPhotoFields(photo)
    if (missing.length > 0) errors.push({ path, message: publishRefusal(photo, path === 'leadImage' ? 'lead' : 'body', missing) })
  }
  return errors
}

/**
 * The document the Local API would store for this new published article (pure): the collection's
 * defaults, then the article, then what the hooks derive (tags, their slugs, its date in UTC and its
 * month, the photos it shows, its stage history, no correction).
 */
export function storedArticle(
  article: NewArticle,
  defaults: Record<string, unknown>,
  id: Id,
  now: string,
  /** The id of an array row (Payload gives each an ObjectId's 24 hex digits). */
  rowId: () => string,
): Record<string, unknown> {
  const stage = article.stage ?? FIRST_STAGE
  return {
    ...defaults,
    ...article,
    ...tagsOf(article.tags),
    publishedAt: utcDate(article.publishedAt),
    publishedMonth: monthOf(article.publishedAt),
    id,
    language: article.language ?? defaults.language ?? SITE_LANGUAGE,
    photos: photosOf(article),
    // As the desk's hook records a new article's first move (collections/Articles/hooks/desk.ts), by no one: the import.
    stageHistory: stage === FIRST_STAGE ? [] : [{ id: rowId(), from: null, to: stage, by: null, at: now }],
    stage,
    correctedAt: null,
    significantUpdate: false,
    _status: 'published',
    createdAt: article.createdAt ?? now,
    updatedAt: article.updatedAt ?? now,
  }
}

import { isDeepStrictEqual } from 'node:util'
import { safeHref } from '@/lib/text/links'

/**
 * Corrections and updates on an article, as readers and machines see them. Pure: the fields are in
 * `collections/Articles/fields/corrections.ts`, the hook that guards publishing them in
 * `collections/Articles/hooks/corrections.ts`.
 */

export const CORRECTION_TYPES = [
  { value: 'correction', label: 'Correction' },
  { value: 'clarification', label: 'Clarification' },
  { value: 'update', label: 'Update' },
  { value: 'editorsNote', label: 'Editor’s note' },
] as const

export type CorrectionType = (typeof CORRECTION_TYPES)[number]['value']

/** The types that say the article was wrong or unclear: flagged at its top, listed on /corrections. */
export const ADMITTED_ERRORS: readonly CorrectionType[] = ['correction', 'clarification']

export const CORRECTION_TEXT_MAX = 2_000
/** Entries one article may carry. */
export const CORRECTIONS_MAX = 50

export interface CorrectionEntry {
  id?: string | null
  type: CorrectionType
  /** ISO date-time. */
  date: string
  text: string
}

export const correctionTypeLabel = (type: CorrectionType): string =>
  CORRECTION_TYPES.find((option) => option.value === type)?.label ?? 'Note'

const isType = (value: unknown): value is CorrectionType => CORRECTION_TYPES.some((option) => option.value === value)
const time = (iso: string) => Date.parse(iso)

/** The entries that can be shown (a known type, a real date, some text), newest first. */
export function sortedCorrections(entries: readonly Partial<CorrectionEntry>[] | null | undefined): CorrectionEntry[] {
  return (entries ?? [])
    .filter((entry): entry is CorrectionEntry => isType(entry.type) && typeof entry.date === 'string' && !Number.isNaN(time(entry.date)) && Boolean(entry.text?.trim()))
    .sort((a, b) => time(b.date) - time(a.date))
}

/** When the article was last corrected or clarified (null: never), for the flag at its top and /corrections. */
export function lastCorrectedAt(entries: readonly Partial<CorrectionEntry>[] | null | undefined): string | null {
  return sortedCorrections(entries).find((entry) => ADMITTED_ERRORS.includes(entry.type))?.date ?? null
}

export interface DatedArticle {
  publishedAt?: string | null
  /** Set by an editor's "significant update" mark. */
  modifiedAt?: string | null
  corrections?: readonly Partial<CorrectionEntry>[] | null
}

/**
 * When readers were last told the article changed: the newest of the editor's "significant update"
 * mark and its dated entries, never before publication; null when neither happened. Never
 * `updatedAt`, which a typo fix moves too. This is the visible "Updated" date and JSON-LD's dateModified.
 */
export function significantlyModifiedAt(article: DatedArticle): string | null {
  const published = article.publishedAt ? time(article.publishedAt) : NaN
  const candidates = [article.modifiedAt, ...sortedCorrections(article.corrections).map((entry) => entry.date)]
    .filter((iso): iso is string => typeof iso === 'string' && !Number.isNaN(time(iso)))
    .filter((iso) => Number.isNaN(published) || time(iso) > published)
  if (candidates.length === 0) return null
  return candidates.reduce((newest, iso) => (time(iso) > time(newest) ? iso : newest))
}

/** What readers compare: the entries' type, date and text, in any order (ids are Payload's row ids). */
const comparable = (entries: readonly Partial<CorrectionEntry>[] | null | undefined) =>
  (entries ?? [])
    .map((entry) => ({ type: entry.type ?? null, date: entry.date ? new Date(entry.date).toISOString() : null, text: entry.text?.trim() ?? '' }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

/** True when `next` adds, removes or changes an entry of `previous`. */
export function correctionsChanged(previous: readonly Partial<CorrectionEntry>[] | null | undefined, next: readonly Partial<CorrectionEntry>[] | null | undefined): boolean {
  return !isDeepStrictEqual(comparable(previous), comparable(next))
}

/** "This article was corrected on 2 July 2025." for the flag at the top, or null. */
export function correctionNotice(entries: readonly Partial<CorrectionEntry>[] | null | undefined, formatDate: (iso: string) => string): string | null {
  const latest = sortedCorrections(entries).find((entry) => ADMITTED_ERRORS.includes(entry.type))
  if (!latest) return null
  const verb = latest.type === 'correction' ? 'corrected' : 'clarified'
  return `This article was ${verb} on ${formatDate(latest.date)}.`
}

/** A piece of an entry's text: plain text, or a link whose target passed `safeHref`. */
export type TextPiece = string | { href: string; text: string }

// A URL in running text ends before a space or an angle bracket; trailing punctuation is the sentence's.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/gi
const TRAILING_PUNCTUATION = /[.,;:!?)\]'’”]+$/

/**
 * An entry's plain text with its http(s) URLs as links (the text holds no markup: it is shown as
 * text, and only URLs `safeHref` accepts become links).
 */
export function linkedText(text: string, origin?: string): TextPiece[] {
  const pieces: TextPiece[] = []
  let last = 0
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '')
    const href = safeHref(url, origin)
    if (!href) continue
    const start = match.index
    if (start > last) pieces.push(text.slice(last, start))
    pieces.push({ href, text: url })
    last = start + url.length
  }
  if (last < text.length) pieces.push(text.slice(last))
  return pieces
}

/** Why the corrections sent with a save cannot be stored, one message per problem (for a 400). */
export function correctionsInputErrors(value: unknown): string[] {
  // The admin form sends an emptied array as its row count, 0 (Payload reads 0 and "0" as []).
  if (value == null || value === 0 || value === '0') return []
  if (!Array.isArray(value)) return ['Corrections must be a list of entries ({ type, date, text }).']
  if (value.length > CORRECTIONS_MAX) return [`An article may have at most ${CORRECTIONS_MAX} corrections and updates (it has ${value.length}).`]
  const errors: string[] = []
  value.forEach((entry: unknown, index) => {
    const where = `Correction ${index + 1}`
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      errors.push(`${where} must be an object with a type, a date and a text.`)
      return
    }
    const { type, date, text } = entry as Record<string, unknown>
    if (type != null && !isType(type)) errors.push(`${where}: the type must be one of ${CORRECTION_TYPES.map((option) => option.value).join(', ')}.`)
    if (date != null && (typeof date !== 'string' || Number.isNaN(time(date)))) errors.push(`${where}: the date must be a date, e.g. "2025-07-02T09:00:00.000Z".`)
    if (text != null && typeof text !== 'string') errors.push(`${where}: the text must be text.`)
    else if (typeof text === 'string' && text.length > CORRECTION_TEXT_MAX) {
      errors.push(`${where}: the text may be at most ${CORRECTION_TEXT_MAX} characters long (it is ${text.length}).`)
    }
  })
  return errors
}

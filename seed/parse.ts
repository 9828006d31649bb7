import { type Credit, formatCreditLine, parseCredit } from '@/lib/photos/credit'
import { parseNewsDate, splitTrailingDate } from '@/lib/text/dates'
import { canonicalLanguage, SITE_LANGUAGE } from '@/lib/text/language'
import { slugify, validateSlug } from '@/lib/text/slug'
import { firstSentence } from '@/lib/text/sentences'

/**
 * Parser for the plain-text news pieces the newsroom hands over:
 *
 *   Language: ar               optional, BCP 47; the site's language when left out
 *   Headline
 *   Byline and date            "Ahmed Mohammed 30/06/2025" (or the date on the next line)
 *   Photo caption (Credit)     optional; often pasted twice, the repeat is dropped
 *   Paragraphs                 separated by blank lines
 *   Name / date sign-off       optional; dropped when it repeats the byline
 */

export interface ParsedArticle {
  title: string
  authors: string[]
  /** YYYY-MM-DD */
  publishedDate: string
  photo?: { caption: string; alt: string; credit: Credit & { line: string } }
  /** The first sentence of the first paragraph. */
  standfirst: string
  paragraphs: string[]
  slug: string
  /** BCP 47, canonical ("ar", "pt-BR"). */
  language: string
}

/** A file that does not have the expected shape; the message reads "file:line: what was expected". */
export class ArticleParseError extends Error {
  readonly file: string
  readonly line: number

  constructor(file: string, line: number, detail: string) {
    super(`${file}:${line}: ${detail}`)
    this.name = 'ArticleParseError'
    this.file = file
    this.line = line
  }
}

interface Byline {
  authors: string[]
  date: string
  /** Index of the line holding the date. */
  end: number
}

/** The file's lines, trimmed; index i is line i + 1. */
interface Source {
  file: string
  lines: string[]
}

const BYLINE_EXPECTED = 'expected a byline and date line such as "Ahmed Mohammed 30/06/2025"'

export function parseArticle(text: string, fileName: string): ParsedArticle {
  const source: Source = {
    file: fileName,
    lines: text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.trim()),
  }
  const { lines } = source
  const fail = (index: number, detail: string): never => {
    throw new ArticleParseError(fileName, Math.min(index, lines.length - 1) + 1, detail)
  }

  const first = nextNonBlank(lines, 0)
  const declared = first === -1 ? null : readLanguageLine(lines[first] ?? '')
  if (declared && 'error' in declared) return fail(first, declared.error)
  const language = declared?.language ?? SITE_LANGUAGE
  const titleIndex = declared ? nextNonBlank(lines, first + 1) : first
  if (titleIndex === -1) return fail(first === -1 ? 0 : first + 1, declared ? 'expected a headline after the language line, found the end of the file' : 'expected a headline, found an empty file')
  const title = lines[titleIndex] ?? ''

  const bylineIndex = nextNonBlank(lines, titleIndex + 1)
  const byline = bylineIndex === -1 ? null : readByline(source, bylineIndex)
  if (!byline) {
    // Without a byline below it, a first line that looks like one means the headline is missing.
    if (looksLikeByline(title)) return fail(titleIndex, `expected a headline, found a byline or date line ${quote(title)}`)
    if (bylineIndex === -1) return fail(titleIndex + 1, `${BYLINE_EXPECTED}, found the end of the file`)
    return fail(bylineIndex, `${BYLINE_EXPECTED}, found ${quote(lines[bylineIndex] ?? '')}`)
  }
  const slug = slugify(title, language)
  if (validateSlug(slug) !== true) return fail(titleIndex, `expected a headline with letters or digits, found ${quote(title)}`)

  let bodyStart = byline.end + 1
  const captionIndex = nextNonBlank(lines, bodyStart)
  const captioned = captionIndex === -1 ? null : splitCaption(lines[captionIndex] ?? '')
  if (captioned) {
    bodyStart = captionIndex + 1
    const repeat = nextNonBlank(lines, bodyStart)
    if (repeat !== -1 && lines[repeat] === lines[captionIndex]) bodyStart = repeat + 1
  }

  const signOff = findSignOff(source, byline, bodyStart)
  const paragraphs = groupParagraphs(lines.slice(bodyStart, signOff ?? lines.length))
  const firstParagraph = paragraphs[0]
  if (firstParagraph === undefined) {
    const after = captioned ? 'the caption' : 'the byline'
    const found = signOff === null ? 'the end of the file' : 'only the sign-off'
    return fail(signOff ?? bodyStart, `expected body paragraphs after ${after}, found ${found}`)
  }

  return {
    title,
    authors: byline.authors,
    publishedDate: byline.date,
    ...(captioned && {
      photo: {
        caption: captioned.caption,
        alt: firstSentence(captioned.caption),
        credit: { ...captioned.credit, line: formatCreditLine(captioned.credit) },
      },
    }),
    standfirst: firstSentence(firstParagraph),
    paragraphs,
    slug,
    language,
  }
}

/**
 * "Language: ar" → { language: 'ar' }; null for any other line (a headline). A language line
 * whose tag is not an ISO 639 language ("Language: Babel") is a headline too; one that is not a
 * tag at all ("Language: ar_EG") is reported.
 */
function readLanguageLine(line: string): { language: string } | { error: string } | null {
  const match = /^language:\s*(\S+)$/i.exec(line)
  if (!match) return null
  const tag = match[1] ?? ''
  const language = canonicalLanguage(tag)
  if (language === null) {
    if (/^[a-z]{2,3}[-_]/i.test(tag)) return { error: `expected a BCP 47 language tag such as "ar" or "pt-BR", found ${quote(tag)}` }
    return null
  }
  return /^[a-z]{2,3}(?:-|$)/.test(language) ? { language } : null
}

/**
 * Reads "Names Date" on one line, or "Names" with the date alone on the next non-blank line.
 * Returns null when the lines are not a byline; an impossible date is reported on its line.
 */
function readByline(source: Source, index: number): Byline | null {
  const line = source.lines[index] ?? ''
  const dated = dateAt(source, index, () => splitTrailingDate(line))
  if (dated) {
    const authors = parseAuthors(dated.before)
    return authors.length > 0 ? { authors, date: dated.date, end: index } : null
  }
  const dateIndex = nextNonBlank(source.lines, index + 1)
  if (dateIndex === -1) return null
  const date = dateAt(source, dateIndex, () => parseNewsDate(source.lines[dateIndex] ?? ''))
  const authors = parseAuthors(line)
  return date && authors.length > 0 ? { authors, date, end: dateIndex } : null
}

/** "By A, B and C" → ["A", "B", "C"]. */
export function parseAuthors(text: string): string[] {
  return text
    .replace(/^by\s+/i, '')
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

function looksLikeByline(line: string): boolean {
  if (/^by\s+\S/i.test(line)) return true
  try {
    return splitTrailingDate(line) !== null
  } catch (error) {
    // An impossible date ("31/02/2025") still has a date's shape.
    if (error instanceof RangeError) return true
    throw error
  }
}

function dateAt<T>(source: Source, index: number, read: () => T): T {
  try {
    return read()
  } catch (error) {
    if (error instanceof RangeError) throw new ArticleParseError(source.file, index + 1, error.message)
    throw error
  }
}

/**
 * A caption ends with its credit, either in parentheses — "… (Photo by X / AFP)", "… (X/AFP)" —
 * or as a last sentence — "… 2025. Photo: X for Reuters".
 */
function splitCaption(line: string): { caption: string; credit: Credit } | null {
  const patterns = [
    /^(?<caption>.*\S)\s*\((?<credit>[^()]+)\)$/,
    /^(?<caption>.*[.!?]["”’]?)\s+(?<credit>(?:Photo|Photograph|Picture|Image)\b.*)$/,
  ]
  for (const pattern of patterns) {
    const groups = pattern.exec(line)?.groups
    const credit = parseCredit(groups?.credit ?? '')
    const caption = groups?.caption?.trim()
    if (credit && caption) return { caption, credit }
  }
  return null
}

/**
 * Index where the closing "Name / Date" sign-off starts, or null. It is only recognised when it
 * repeats the byline's date and names only byline authors, so a real last paragraph is kept.
 */
function findSignOff(source: Source, byline: Byline, bodyStart: number): number | null {
  const last = lastNonBlank(source.lines, source.lines.length - 1)
  const candidates = [last, lastNonBlank(source.lines, last - 1)]
  for (const start of candidates) {
    if (start < bodyStart) continue
    const signOff = readByline(source, start)
    if (signOff?.end === last && sameByline(signOff, byline)) return start
  }
  return null
}

function sameByline(signOff: Byline, byline: Byline): boolean {
  const authors = new Set(byline.authors.map((name) => name.toLowerCase()))
  return signOff.date === byline.date && signOff.authors.every((name) => authors.has(name.toLowerCase()))
}

/** Blank lines separate paragraphs; the lines of one paragraph are joined with a space. */
function groupParagraphs(lines: string[]): string[] {
  return lines
    .join('\n')
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim().replace(/\n/g, ' '))
    .filter((paragraph) => paragraph !== '')
}

function nextNonBlank(lines: string[], from: number): number {
  return lines.findIndex((line, index) => index >= from && line !== '')
}

function lastNonBlank(lines: string[], from: number): number {
  return lines.findLastIndex((line, index) => index <= from && line !== '')
}

/** Quotes a line for an error message, shortened so that a pasted paragraph stays readable. */
function quote(line: string): string {
  return `"${line.length > 80 ? `${line.slice(0, 79)}…` : line}"`
}

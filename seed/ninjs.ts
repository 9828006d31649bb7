import { formatCreditLine } from '@/lib/photos/credit'
import type { Ninjs } from '@/lib/seo/ninjs'
import { canonicalLanguage, SITE_LANGUAGE } from '@/lib/text/language'
import { firstSentence } from '@/lib/text/sentences'
import { slugify, validateSlug } from '@/lib/text/slug'
import { ArticleParseError, parseArticle, parseAuthors, type ParsedArticle } from './parse'

/**
 * IPTC ninjs (2.x) as an import format beside the plain-text pieces: a ninjs text item becomes the
 * same structured article `parse.ts` produces, so the importer treats both alike. Pure. Reads what
 * agencies send and what Masthead writes (lib/seo/ninjs.ts): the main headline, the summary
 * description (else the body's first sentence), an HTML or plain-text body, the byline, the
 * language, the first-created date, and the lead photo's caption, alt text and credit.
 */

const texts = <T extends { role?: string; value: string }>(items: T[] | undefined, role?: string): T[] =>
  (items ?? []).filter((item) => (role === undefined || item.role === undefined || item.role === role) && typeof item.value === 'string')

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" }

/** An HTML body's paragraphs as plain text (the importer writes its own Lexical body). */
function htmlParagraphs(html: string): string[] {
  return html
    .split(/<\/(?:p|h[1-6]|li|blockquote)>|<br\s*\/?>/i)
    .map((chunk) =>
      chunk
        .replace(/<[^>]*>/g, '')
        .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) =>
          name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') && name !== '#39' ? String.fromCodePoint(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? whole),
        )
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
}

const plainParagraphs = (text: string) => text.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean)

export function ninjsToArticle(ninjs: Ninjs, fileName: string): ParsedArticle {
  const fail = (detail: string): never => {
    throw new ArticleParseError(fileName, 1, detail)
  }
  if (ninjs.type && ninjs.type !== 'text') fail(`only ninjs text items can be imported (this is a ${ninjs.type})`)
  const title = (texts(ninjs.headlines, 'main')[0]?.value ?? '').trim()
  if (!title) fail('a ninjs article needs a headline (headlines[].value)')
  const body = texts(ninjs.bodies, 'main')[0]
  if (!body?.value.trim()) fail('a ninjs article needs a body (bodies[].value)')
  const paragraphs = /html/i.test(body!.contenttype ?? '') || /<\/?p\b/i.test(body!.value) ? htmlParagraphs(body!.value) : plainParagraphs(body!.value)
  if (paragraphs.length === 0) fail('the ninjs body has no text')
  const authors = parseAuthors(ninjs.by ?? '')
  if (authors.length === 0) fail('a ninjs article needs a byline ("by")')

  const language = canonicalLanguage(ninjs.language) ?? SITE_LANGUAGE
  const slug = slugify(title, language)
  if (validateSlug(slug) !== true) fail(`the headline ${JSON.stringify(title)} has no letters or digits for a URL`)
  const dated = ninjs.firstcreated ?? ninjs.versioncreated
  const published = dated ? new Date(dated) : null
  if (!published || Number.isNaN(published.getTime())) fail('a ninjs article needs a firstcreated or versioncreated date')

  const picture = (ninjs.associations ?? []).find((association) => association.type === 'picture')
  const caption = picture?.headlines?.[0]?.value?.trim() || texts(picture?.descriptions, 'caption')[0]?.value.trim()
  const credit = { ...(picture?.by ? { creator: picture.by.trim() } : {}), ...(picture?.copyrightholder ? { provider: picture.copyrightholder.trim() } : {}) }
  const line = texts(picture?.descriptions, 'creditline')[0]?.value.trim() || formatCreditLine(credit)

  return {
    title,
    authors,
    publishedDate: published!.toISOString().slice(0, 10),
    ...(picture && caption
      ? { photo: { caption, alt: texts(picture.descriptions, 'alt')[0]?.value.trim() || firstSentence(caption), credit: { line, ...credit } } }
      : {}),
    standfirst: texts(ninjs.descriptions, 'summary')[0]?.value.trim() || firstSentence(paragraphs[0]!),
    paragraphs,
    slug,
    language,
  }
}

/** Files the importer reads as ninjs rather than as plain-text pieces. */
export const isNinjsFile = (file: string) => /\.json$/i.test(file)

/** A news piece by its file's kind: ninjs for `.json`, the plain-text format (parse.ts) otherwise. */
export function parsePiece(text: string, file: string): ParsedArticle {
  if (!isNinjsFile(file)) return parseArticle(text, file)
  let ninjs: unknown
  try {
    ninjs = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new ArticleParseError(file, 1, `not JSON (${(error as Error).message})`)
  }
  if (!ninjs || typeof ninjs !== 'object' || Array.isArray(ninjs)) throw new ArticleParseError(file, 1, 'a ninjs file holds one JSON object')
  return ninjsToArticle(ninjs as Ninjs, file)
}

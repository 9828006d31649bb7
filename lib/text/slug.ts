import transliterate from 'slugify'

/**
 * URL slugs from headlines and names in any script, the way news sites in those scripts write them:
 * Latin letters lose their diacritics through a maintained transliteration table (the `slugify`
 * package: "Łukasz" → "lukasz", "Đoković" → "djokovic", "Straße" → "strasse", "Søren" → "soren"),
 * while scripts with no transliteration readers would accept (Arabic, Hebrew, Cyrillic, Greek, CJK…)
 * keep their own letters, lowercased: "محادثات هادئة" → "محادثات-هادئة". On the wire such a slug is
 * percent-encoded (lib/content/site.ts builds the paths); routes receive it decoded.
 *
 * A slug is a run of letters and digits of any script (with the marks that belong to them, such as
 * Devanagari vowel signs) separated by single hyphens. ASCII headlines give the same slugs as ever.
 */

/** Longer headlines are cut at a word boundary; also the longest slug validation accepts. */
export const MAX_SLUG_LENGTH = 200

// Apostrophes join a word rather than split it ("Trump's" → "trumps", and the Hebrew geresh and
// gershayim of acronyms); the Arabic tatweel only stretches a word for justification.
const JOINERS = /['’‘`ʼ׳״\u0640]/g
// A Latin letter with whatever combining marks NFKC left on it: the part that is transliterated.
const LATIN = /(?:\p{Script=Latin}\p{M}*)+/gu
// Arabic and Hebrew vowel points are optional in running text: "مُحَمَّد" and "محمد" are one word.
const OPTIONAL_POINTS = /(?=\p{scx=Arabic}|\p{scx=Hebrew})\p{M}/gu
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu
// A mark can only follow a letter or digit: one that follows punctuation is left over.
const STRAY_MARKS = /(^|-)\p{M}+/gu

/** Folds one run of Latin letters to ASCII where the table knows them, then drops leftover accents. */
function foldLatin(run: string, locale: string | undefined): string {
  const folded = transliterate(run, { replacement: '-', remove: /(?!)/, trim: false, locale })
  return folded.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC')
}

/**
 * Turns a headline or a name into a slug, or '' when it holds no letter or digit (an emoji-only
 * headline). `language` (BCP 47) picks language-specific folding where the table has one, e.g.
 * Vietnamese "Đà Nẵng" → "da-nang" where Serbo-Croatian "Đoković" gives "djokovic".
 */
export function slugify(input: string, language?: string | null): string {
  const locale = language?.split('-')[0]?.toLowerCase()
  const slug = input
    // NFKC: compatibility forms (full-width letters, ligatures, Arabic presentation forms) become
    // the letters they stand for, so a pasted headline gives the same slug as a typed one.
    .normalize('NFKC')
    .replace(JOINERS, '')
    .replace(LATIN, (run) => foldLatin(run, locale))
    .replace(OPTIONAL_POINTS, '')
    .toLowerCase()
    .replace(SEPARATORS, '-')
    .replace(STRAY_MARKS, '$1')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
  return truncate(slug)
}

/** Cuts a slug longer than MAX_SLUG_LENGTH characters at the last hyphen that fits. */
function truncate(slug: string): string {
  const chars = [...slug]
  if (chars.length <= MAX_SLUG_LENGTH) return slug
  const head = chars.slice(0, MAX_SLUG_LENGTH + 1).join('')
  const cut = head.lastIndexOf('-')
  return (cut > 0 ? head.slice(0, cut) : chars.slice(0, MAX_SLUG_LENGTH).join('')).replace(/-$/, '')
}

/** True for a string in slug form: what `slugify` makes of it is itself. */
export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && [...value].length <= MAX_SLUG_LENGTH && slugify(value) === value
}

/** Returns an error message for an invalid slug, or `true` (Payload's validator convention). */
export function validateSlug(value: unknown): true | string {
  if (typeof value !== 'string' || value === '') return 'A slug is required.'
  if ([...value].length > MAX_SLUG_LENGTH) return `A slug may have at most ${MAX_SLUG_LENGTH} characters; this one has ${[...value].length}.`
  if (!isSlug(value)) {
    return `"${value}" is not a valid slug: use lowercase letters and digits of any script, separated by single hyphens (e.g. "my-headline-2025", "محادثات-هادئة"); Latin letters without accents.`
  }
  return true
}

/** Why no slug can be made from a headline or name (no letter or digit in it), or null when one can. */
export function unsluggable(source: unknown, what: string): string | null {
  if (typeof source !== 'string' || source.trim() === '') return null
  return slugify(source) === ''
    ? `The ${what} "${source}" has no letters or digits to make a URL slug from: type a slug.`
    : null
}

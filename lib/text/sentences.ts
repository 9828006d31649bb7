// Words that end with a period without ending the sentence ("Gen. Smith", "Jan. 3").
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'sgt', 'capt', 'sen', 'rep', 'gov',
  'jr', 'sr', 'no', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
])

// A stop, any closing quotes or brackets, then a space and a capital or an opening quote.
const BOUNDARY = /[.?!]["'”’)\]]*\s+(?=[\p{Lu}"'“‘])/gu

/**
 * Splits prose into sentences. Deliberately simple: a period after an initial ("J. Smith"), an
 * acronym ("U.S.") or a known abbreviation ("Gen.") does not end a sentence, which also means
 * a sentence that really ends in "U.S." is joined to the next one — the safer mistake for a
 * standfirst or alt text.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  let start = 0
  for (const match of text.matchAll(BOUNDARY)) {
    if (match[0].startsWith('.') && endsWithAbbreviation(text.slice(start, match.index))) continue
    sentences.push(text.slice(start, match.index + match[0].trimEnd().length).trim())
    start = match.index + match[0].length
  }
  const rest = text.slice(start).trim()
  if (rest) sentences.push(rest)
  return sentences
}

/** The first sentence of the text, or "" for empty text. */
export function firstSentence(text: string): string {
  return splitSentences(text)[0] ?? ''
}

function endsWithAbbreviation(textBeforePeriod: string): boolean {
  const word = (/\S+$/.exec(textBeforePeriod)?.[0] ?? '').replace(/^["'“‘(]+/, '')
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase())
}

// C0 control characters other than tab, line feed and carriage return, and DEL. Never text: a paste
// accident or an attack (SQLite's C interface ends a string at a NUL, silently truncating it).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** The text without its control characters (embedded photo metadata carries them; we keep the words). */
export function withoutControlCharacters(text: string): string {
  return text.replace(new RegExp(CONTROL_CHARACTER.source, 'g'), '')
}

/** The first control character in the text, as `U+0000`, or null when there is none. */
export function controlCharacterIn(text: string): string | null {
  const found = CONTROL_CHARACTER.exec(text)?.[0]
  return found === undefined ? null : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * Every field of a submitted document whose text holds a control character, with a message naming
 * it. Looks through groups, arrays and rich text: a field is named by its path of field names
 * (`credit.line`, `tags`), and rich text by the field that holds it (`body`).
 */
export function controlCharacterErrors(data: unknown): { path: string; message: string }[] {
  const errors = new Map<string, string>()
  const check = (text: string, name: string) => {
    const found = controlCharacterIn(text)
    if (found && !errors.has(name)) errors.set(name, `${name} contains a control character (${found}), which text may not hold: remove it.`)
  }
  // Every string anywhere under `value`, reported as `name`.
  const checkAll = (value: unknown, name: string, depth: number): void => {
    if (typeof value === 'string') check(value, name)
    else if (value && typeof value === 'object' && depth < 200) for (const item of Object.values(value)) checkAll(item, name, depth + 1)
  }
  const visit = (value: unknown, path: string[], depth: number): void => {
    const name = path.join('.')
    if (typeof value === 'string') check(value, name || 'The document')
    else if (Array.isArray(value)) for (const item of value) visit(item, path, depth + 1)
    else if (value && typeof value === 'object') {
      // Rich text (a Lexical document) is named by its field, not by its inner nodes; so is anything deeper than any form.
      if (('root' in value && path.length > 0) || depth > 20) checkAll(value, name, depth)
      else for (const [key, item] of Object.entries(value)) visit(item, [...path, key], depth + 1)
    }
  }
  visit(data, [], 0)
  return [...errors].map(([path, message]) => ({ path, message }))
}

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

/**
 * How search compares words, in one place for every engine: case and diacritics folded ("Café" →
 * "cafe", "Djoković" → "djokovic"), Arabic and Hebrew vowel points dropped (readers rarely type
 * them), a few letters that have no decomposition spelled out ("Łódź" → "lodz", "Straße" →
 * "strasse"). Text is folded before it is indexed and queries are folded the same way, so SQLite's
 * FTS5 and MongoDB's text index see the same words whatever their own tokenizers do with marks
 * (FTS5's unicode61 treats Arabic harakat as separators, which would split a pointed word in two).
 */
const LETTERS: Record<string, string> = { ł: 'l', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th', ħ: 'h' }

const ASCII = /^[\x00-\x7f]*$/

/** One word as search compares it. */
export function foldWord(word: string): string {
  // Most words of most articles: nothing to decompose or spell out (and 10× faster than normalising).
  if (ASCII.test(word)) return word.toLowerCase()
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łđðøæœßıþħ]/g, (letter) => LETTERS[letter] ?? letter)
}

// A word: letters and digits, with the marks that belong to them (so "café" stays one word before folding).
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu

/** The words of a text with where each starts and ends in it (for snippets). */
export function wordsOf(text: string): { word: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((match) => ({ word: foldWord(match[0]), start: match.index, end: match.index + match[0].length }))
}

/** A text as it is indexed: its folded words, space-separated. */
export function foldText(text: string): string {
  return wordsOf(text)
    .map(({ word }) => word)
    .join(' ')
}

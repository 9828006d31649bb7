/**
 * Generated news text with the shape of real text, for the benches' archives: words drawn by Zipf's
 * law (the word of rank r appears in proportion to 1/r, as in every large corpus) from a vocabulary
 * of 20,000 — real English words at about the rank they hold in news writing, then pronounceable
 * made-up words for the long tail. So a function word is in nearly every article, "security" in
 * about one in five and a rare word in a handful, as in a real archive: a search bench over text
 * where every article holds every word measures only the worst case. Pure and deterministic (a seeded
 * generator), so the same index always writes the same article.
 */

/** Rank 1 onwards: the words every sentence uses. */
const FUNCTION_WORDS = 'the of and to a in that on said for with would was who after about at while where have from any next'.split(' ')
/** News vocabulary, placed from rank 100 to 1,300 (one every 30 ranks), common to rarer. */
const CONTENT_WORDS = (
  'officials talks security government week parliament minister capital trade prices support agreement ' +
  'regional meetings partners residents jobs return families analysts round access framework negotiators ' +
  'continue discussed proposals fuel uncertainty guarantees displaced shortages depend described rising ' +
  'cautioned resisted similar'
).split(' ')
export const VOCABULARY_SIZE = 20_000
const CONTENT_FROM = 100
const CONTENT_STEP = 30

const SYLLABLES = 'ka lo mi ta ren vo su dan pel ori bex tua nam il sor qui fen ath mul zo'.split(' ')

/** The made-up word of a rank: syllables spelled from its digits (so distinct ranks give distinct words). */
function madeUp(rank: number): string {
  let word = ''
  for (let n = rank; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length]
  return `${word}n`
}

/** The vocabulary in rank order (index 0 is rank 1). */
export const VOCABULARY: readonly string[] = (() => {
  const words: string[] = []
  const content = new Map(CONTENT_WORDS.map((word, i) => [CONTENT_FROM + i * CONTENT_STEP, word]))
  for (let rank = 1; rank <= VOCABULARY_SIZE; rank++) {
    words.push(rank <= FUNCTION_WORDS.length ? FUNCTION_WORDS[rank - 1]! : (content.get(rank) ?? madeUp(rank)))
  }
  return words
})()

/** Cumulative Zipf weights (s = 1), for drawing a rank by binary search. */
const CUMULATIVE: Float64Array = (() => {
  const sums = new Float64Array(VOCABULARY_SIZE)
  let sum = 0
  for (let i = 0; i < VOCABULARY_SIZE; i++) sums[i] = sum += 1 / (i + 1)
  return sums
})()

/** mulberry32: a small, fast, well-mixed 32-bit generator. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function draw(next: () => number): string {
  const target = next() * CUMULATIVE[VOCABULARY_SIZE - 1]!
  let low = 0
  let high = VOCABULARY_SIZE - 1
  while (low < high) {
    const mid = (low + high) >> 1
    if (CUMULATIVE[mid]! < target) low = mid + 1
    else high = mid
  }
  return VOCABULARY[low]!
}

/** A sentence of `words` words (capitalised, with a full stop), the same for the same seed. */
export function newsSentence(seed: number, words: number): string {
  const next = random(seed * 2654435761)
  const text = Array.from({ length: words }, () => draw(next)).join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

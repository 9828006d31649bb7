import type { SearchQuery } from './query'
import { queryWords } from './query'
import { wordsOf } from './text'

/**
 * The words around a match, for a search result: the window of the text with the most matched words,
 * as segments (marked or not) that the page renders as text and `<mark>` elements, so whatever an
 * article or a query holds is escaped by the renderer like any other text.
 */
export interface Segment {
  text: string
  mark: boolean
}

/** Whether a folded word is one the query looks for (a word, a phrase's word, or the prefix). */
export function matcher(query: SearchQuery): (word: string) => boolean {
  const { words, prefix } = queryWords(query)
  return (word) => words.has(word) || (prefix !== null && word.startsWith(prefix))
}

/** Marks the matched words of a short text (a headline, a standfirst): all of it, segmented. */
export function highlight(text: string, query: SearchQuery): Segment[] {
  return segments(text, 0, text.length, matcher(query))
}

/**
 * About `length` characters of `text` around its best stretch of matches, with "…" where it was
 * cut; null when no word matches (the result then shows its standfirst).
 */
export function snippet(text: string, query: SearchQuery, length = 220): Segment[] | null {
  const matches = matcher(query)
  const words = wordsOf(text)
  const hits = words.filter(({ word }) => matches(word))
  if (hits.length === 0) return null
  // The window starting at a hit that holds the most hits (hits are in text order: two pointers).
  let best = { start: hits[0]!.start, count: 0 }
  for (let first = 0, last = 0; first < hits.length; first++) {
    last = Math.max(last, first)
    while (last + 1 < hits.length && hits[last + 1]!.end <= hits[first]!.start + length) last++
    if (last - first + 1 > best.count) best = { start: hits[first]!.start, count: last - first + 1 }
  }
  // Begin a few words before the first hit, on a word boundary, and end on one.
  const before = words.filter(({ start }) => start < best.start && start >= best.start - 60)
  const start = before[0]?.start ?? best.start
  const last = words.filter(({ end }) => end <= start + length).at(-1)
  const end = text.length - start <= length ? text.length : Math.max(last?.end ?? text.length, hits.find((hit) => hit.start >= best.start)!.end)
  const cut = segments(text, start, end, matches)
  if (start > 0) cut.unshift({ text: '… ', mark: false })
  if (end < text.length) cut.push({ text: ' …', mark: false })
  return merge(cut)
}

function segments(text: string, from: number, to: number, matches: (word: string) => boolean): Segment[] {
  const out: Segment[] = []
  let at = from
  for (const { word, start, end } of wordsOf(text.slice(from, to))) {
    if (!matches(word)) continue
    if (from + start > at) out.push({ text: text.slice(at, from + start), mark: false })
    out.push({ text: text.slice(from + start, from + end), mark: true })
    at = from + end
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false })
  return merge(out)
}

/** Neighbouring segments of the same kind joined, runs of white space as one space. */
function merge(list: Segment[]): Segment[] {
  const out: Segment[] = []
  for (const segment of list) {
    const previous = out.at(-1)
    if (previous && previous.mark === segment.mark) previous.text += segment.text
    else out.push({ ...segment })
  }
  return out.map((segment) => ({ ...segment, text: segment.text.replace(/\s+/g, ' ') }))
}

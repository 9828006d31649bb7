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

export function matches(word: string, query: SearchQuery): boolean {
  const { words, prefix } = queryWords(query)
  return words.has(word) || (prefix !== null && word.startsWith(prefix))
}

/** Marks the matched words of a short text (a headline, a standfirst): all of it, segmented. */
export function highlight(text: string, query: SearchQuery): Segment[] {
  return segments(text, 0, text.length, query)
}

/**
 * About `length` characters of `text` around its best stretch of matches, with "…" where it was
 * cut; null when no word matches (the result then shows its standfirst).
 */
export function snippet(text: string, query: SearchQuery, length = 220): Segment[] | null {
  const words = wordsOf(text)
  const hits = words.filter(({ word }) => matches(word, query))
  if (hits.length === 0) return null
  // The window starting at a hit that holds the most hits.
  let best = { start: hits[0]!.start, count: 0 }
  for (const hit of hits) {
    const count = hits.filter((other) => other.start >= hit.start && other.end <= hit.start + length).length
    if (count > best.count) best = { start: hit.start, count }
  }
  // Begin a few words before the first hit, on a word boundary, and end on one.
  const before = words.filter(({ start }) => start < best.start && start >= best.start - 60)
  const start = before[0]?.start ?? best.start
  const last = words.filter(({ end }) => end <= start + length).at(-1)
  const end = text.length - start <= length ? text.length : Math.max(last?.end ?? text.length, hits.find((hit) => hit.start >= best.start)!.end)
  const cut = segments(text, start, end, query)
  if (start > 0) cut.unshift({ text: '… ', mark: false })
  if (end < text.length) cut.push({ text: ' …', mark: false })
  return merge(cut)
}

function segments(text: string, from: number, to: number, query: SearchQuery): Segment[] {
  const out: Segment[] = []
  let at = from
  for (const { word, start, end } of wordsOf(text.slice(from, to))) {
    if (!matches(word, query)) continue
    if (from + start > at) out.push({ text: text.slice(at, from + start), mark: false })
    out.push({ text: text.slice(from + start, from + end), mark: true })
    at = from + end
  }
  if (at < to) out.push({ text: text.slice(at, to), mark: false })
  return merge(out)
}

/** Neighbouring segments of the same kind as one (a marked phrase reads as one highlight only if joined by marked words). */
function merge(list: Segment[]): Segment[] {
  const out: Segment[] = []
  for (const segment of list) {
    const previous = out.at(-1)
    if (previous && previous.mark === segment.mark) previous.text += segment.text
    else out.push({ ...segment })
  }
  return out.map((segment) => ({ ...segment, text: segment.text.replace(/\s+/g, ' ') }))
}

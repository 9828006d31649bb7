import { wordsOf } from './text'

/**
 * What a reader typed in the search box, as the engines use it: words that must all appear, phrases
 * in quotes that must appear as written, and the last word, which matches as a prefix ("ceasef"
 * finds "ceasefire") since readers often stop typing mid-word. Pure, and safe for any input: only
 * folded letters and digits come out, so nothing typed can reach an engine's own query syntax.
 */
export interface SearchQuery {
  /** Whole words that must appear (folded). */
  terms: string[]
  /** Phrases (two words or more, folded) that must appear in this order. */
  phrases: string[][]
  /** The last bare word, matched as the start of a word (folded); null when the query ends with a phrase. */
  prefix: string | null
}

export const MAX_QUERY_LENGTH = 200
/** More words than this add nothing to a news search and only cost the engines work. */
export const MAX_QUERY_WORDS = 12

export const isEmptyQuery = (query: SearchQuery) => query.terms.length === 0 && query.phrases.length === 0 && query.prefix === null

export function parseQuery(text: string): SearchQuery {
  const terms: string[] = []
  const phrases: string[][] = []
  let count = 0
  let lastBare: { word: string; at: number } | null = null
  let lastPhraseEnd = -1
  // Quoted parts alternate with bare ones; an unclosed quote runs to the end.
  const parts = text.split('"')
  parts.forEach((part, index) => {
    const words = wordsOf(part).map(({ word }) => word).filter(Boolean)
    const quoted = index % 2 === 1 && index < parts.length - 1
    if (quoted && words.length > 1) {
      if (count + words.length <= MAX_QUERY_WORDS) phrases.push(words)
      count += words.length
      lastPhraseEnd = index
      return
    }
    for (const word of words) {
      if (count++ >= MAX_QUERY_WORDS) return
      if (lastBare) terms.push(lastBare.word)
      lastBare = { word, at: index }
    }
  })
  // The last word typed is a prefix only when nothing (a phrase) came after it.
  const bare = lastBare as { word: string; at: number } | null
  const prefix = bare && bare.at > lastPhraseEnd ? bare.word : null
  if (bare && prefix === null) terms.push(bare.word)
  return { terms: unique(terms), phrases, prefix }
}

const unique = (words: string[]) => [...new Set(words)]

/** Every folded word a query looks for, phrases' included (for snippets and highlighting). */
export function queryWords(query: SearchQuery): { words: Set<string>; prefix: string | null } {
  return { words: new Set([...query.terms, ...query.phrases.flat()]), prefix: query.prefix }
}


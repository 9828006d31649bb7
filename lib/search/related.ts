import { wordsOf } from './text'

/**
 * The words that say what a story is about, for "Related stories": its tags' words, then its
 * headline's and standfirst's, without the little words every story shares. At most `max`.
 */
const STOP_WORDS = new Set(
  (
    'the and for with from that this have has had will would been were was are its into over after before about ' +
    'than then them they their there what when where which while who whom why how not but also more most says said ' +
    'new one two three out off all any can could may might must our your his her him she you per via amid ' +
    'في من على إلى عن مع هذا هذه التي الذي بعد قبل بين'
  ).split(' '),
)

export function significantWords(article: { title?: string | null; standfirst?: string | null; tags?: string[] | null }, max = 12): string[] {
  const words = [...(article.tags ?? []), article.title ?? '', article.standfirst ?? ''].flatMap((text) => wordsOf(text).map(({ word }) => word))
  const kept = words.filter((word) => [...word].length >= 3 && !STOP_WORDS.has(word) && !/^\d+$/.test(word))
  return [...new Set(kept)].slice(0, max)
}


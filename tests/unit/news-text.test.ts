import { describe, expect, it } from 'vitest'
import { newsSentence, VOCABULARY, VOCABULARY_SIZE } from '../../bench/support/news-text'

const words = (text: string) => text.toLowerCase().replace(/\.$/, '').split(' ')

describe("the benches' generated news text", () => {
  it('is the same for the same seed and differs between seeds', () => {
    expect(newsSentence(7, 30)).toBe(newsSentence(7, 30))
    expect(newsSentence(7, 30)).not.toBe(newsSentence(8, 30))
    expect(newsSentence(7, 30)).toMatch(/^[A-Z][a-z]*( [a-z]+){29}\.$/)
  })

  it('has a vocabulary of distinct words, function words first and news words at their ranks', () => {
    expect(new Set(VOCABULARY).size).toBe(VOCABULARY_SIZE)
    expect(VOCABULARY.slice(0, 3)).toEqual(['the', 'of', 'and'])
    expect(VOCABULARY[99]).toBe('officials')
    expect(VOCABULARY[129]).toBe('talks')
  })

  it('spreads words as real text does: a function word in nearly every article, a news word in some, a rare one in few', () => {
    // 1,000 "articles" of 6 paragraphs × 60 words, as bench/scale-generate.ts writes them.
    const articles = Array.from({ length: 1000 }, (_, index) => new Set(Array.from({ length: 6 }, (_, p) => words(newsSentence(index * 10 + p, 60))).flat()))
    const share = (word: string) => articles.filter((article) => article.has(word)).length / articles.length
    expect(share('the')).toBeGreaterThan(0.95)
    expect(share('talks')).toBeGreaterThan(0.1)
    expect(share('talks')).toBeLessThan(0.4)
    expect(share('cautioned')).toBeLessThan(share('talks'))
    expect(share(VOCABULARY[15_000]!)).toBeLessThan(0.05)
  })
})

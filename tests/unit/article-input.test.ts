import { describe, expect, it } from 'vitest'
import { articleInputErrors, relatedIds } from '@/lib/content/article-input'

describe('articleInputErrors', () => {
  it('checks only the fields sent, and accepts empty ones a draft may leave', () => {
    expect(articleInputErrors({ title: 'Fine' })).toEqual([])
    expect(articleInputErrors({ title: '', standfirst: null, section: null, tags: [], body: null, publishedAt: null, leadImage: null, authors: [] })).toEqual([])
  })
  it('names each wrong field', () => {
    const errors = articleInputErrors({ title: {}, section: 'nope', tags: 5, body: { root: null }, publishedAt: 'notadate', leadImage: [], authors: [{}] })
    expect(errors.map((error) => error.path)).toEqual(['title', 'section', 'tags', 'body', 'publishedAt', 'leadImage', 'authors'])
  })
  it('bounds sizes', () => {
    expect(articleInputErrors({ title: 'x'.repeat(301) })[0]?.message).toBe('The headline may be at most 300 characters long (it is 301).')
    expect(articleInputErrors({ title: 'x'.repeat(300) })).toEqual([])
    expect(articleInputErrors({ tags: Array(31).fill('a') })[0]?.message).toMatch(/at most 30 tags/)
  })
  it('refuses data that is not an object', () => {
    expect(articleInputErrors([])).toEqual([{ path: 'data', message: 'An article must be a JSON object.' }])
  })
})

describe('relatedIds', () => {
  it('collects the lead image and author ids, populated or not', () => {
    expect(relatedIds({ leadImage: { id: 4 }, authors: [1, { id: 2 }, '3'] })).toEqual({ media: [4], authors: [1, 2, '3'] })
    expect(relatedIds({})).toEqual({ media: [], authors: [] })
  })
})

import { describe, expect, it } from 'vitest'
import { isPopulated, populatedAuthors, populatedLeadImage } from '@/lib/content/populated'
import { article, author, media } from './support/reader-fixtures'

describe('isPopulated', () => {
  it('tells a fetched document from a bare id', () => {
    expect(isPopulated(author())).toBe(true)
    expect(isPopulated<{ id: number }>(3)).toBe(false)
    expect(isPopulated<{ id: string }>('65f0c2a3b4c5d6e7f8091234')).toBe(false)
    expect(isPopulated(null)).toBe(false)
  })
})

describe('populatedAuthors', () => {
  it('keeps the populated authors with a name, in byline order', () => {
    const first = author({ id: 1, name: 'Ahmed Mohammed' })
    const second = author({ id: 2, name: 'Zoë Ölmez' })
    const authors = [first, 9, author({ id: 3, name: '   ' }), second]
    expect(populatedAuthors(article({ authors }))).toEqual([first, second])
  })

  it('is empty when there are none', () => {
    expect(populatedAuthors(article({ authors: [] }))).toEqual([])
    expect(populatedAuthors({ authors: undefined } as unknown as Parameters<typeof populatedAuthors>[0])).toEqual([])
  })
})

describe('populatedLeadImage', () => {
  it('is the lead image when it is populated and has a file URL', () => {
    const image = media()
    expect(populatedLeadImage(article({ leadImage: image }))).toBe(image)
    expect(populatedLeadImage(article({ leadImage: 7 }))).toBeNull()
    expect(populatedLeadImage(article({ leadImage: media({ url: null }) }))).toBeNull()
    expect(populatedLeadImage(article({ leadImage: null }))).toBeNull()
  })
})

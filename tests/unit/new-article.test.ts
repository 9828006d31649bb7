import { describe, expect, it } from 'vitest'
import { paragraphsToLexical } from '@/lib/text/lexical'
import type { CheckedPhoto } from '@/lib/photos/checks'
import { type NewArticle, newArticleErrors, photosOf, storedArticle, tagsOf } from '@/seed/importer/new-article'

const credited: CheckedPhoto = { id: 7, filename: 'harbour.jpg', alt: 'The harbour at dawn', credit: { creator: 'Jane Roe', provider: 'AFP' } }
const photos = new Map([['7', credited]])
const authors = new Set(['1', '2'])
const article = (over: Partial<NewArticle> = {}): NewArticle => ({
  title: 'Harbour reopens',
  slug: 'harbour-reopens',
  authors: [1],
  leadImage: 7,
  body: paragraphsToLexical(['Boats came back on Monday.']),
  publishedAt: '2025-07-01T00:00:00.000Z',
  tags: [' Harbours ', 'Trade', 'Harbours'],
  ...over,
})
const bodyWithUpload = (id: number) => ({
  root: { type: 'root', children: [{ type: 'upload', relationTo: 'media', value: id, version: 3 }], direction: null, format: '', indent: 0, version: 1 },
})

describe('tagsOf', () => {
  it('keeps each tag once, trimmed, and gives their URL forms', () => {
    expect(tagsOf([' Harbours ', 'Trade', 'Harbours', ' '])).toEqual({ tags: ['Harbours', 'Trade'], tagSlugs: ['harbours', 'trade'] })
    expect(tagsOf(undefined)).toEqual({ tags: [], tagSlugs: [] })
  })
})

describe('photosOf', () => {
  it('lists the lead image, then the uploads in the body, once each', () => {
    expect(photosOf({ leadImage: 7, body: bodyWithUpload(7) })).toEqual([7])
    expect(photosOf({ leadImage: 7, body: bodyWithUpload(9) })).toEqual([7, 9])
    expect(photosOf({ leadImage: null, body: null })).toEqual([])
  })
})

describe('newArticleErrors', () => {
  it('passes a complete article with existing, credited photos and authors', () => {
    expect(newArticleErrors(article(), authors, photos)).toEqual([])
  })

  it('refuses a field the bulk path does not write (a status, a stage), rather than store it differently', () => {
    expect(newArticleErrors({ ...article(), _status: 'draft' } as NewArticle, authors, photos)).toEqual([
      { path: '_status', message: 'The bulk path does not write _status.' },
    ])
  })

  it('names each field at fault: no author, a missing author, a slug not in slug form, a language not canonical', () => {
    expect(newArticleErrors(article({ authors: [] }), authors, photos)).toEqual([{ path: 'authors', message: 'Add at least one author before publishing.' }])
    expect(newArticleErrors(article({ authors: [1, 99] }), authors, photos)).toEqual([{ path: 'authors', message: 'There is no author with id 99.' }])
    expect(newArticleErrors(article({ slug: 'Harbour Reopens' }), authors, photos).map((error) => error.path)).toEqual(['slug'])
    expect(newArticleErrors(article({ language: 'EN' }), authors, photos)).toEqual([{ path: 'language', message: '"EN" is not in its canonical form.' }])
  })

  it('refuses what the collection refuses: control characters, a wrong type, a section it does not have', () => {
    expect(newArticleErrors(article({ title: 'Gaza\u0000City' }), authors, photos).map((error) => error.path)).toEqual(['title'])
    expect(newArticleErrors(article({ tags: 'Trade' as never }), authors, photos).map((error) => error.path)).toEqual(['tags'])
    expect(newArticleErrors(article({ section: 'gossip' }), authors, photos).map((error) => error.path)).toEqual(['section'])
  })

  it('refuses a photo that does not exist or lacks a credit, in the lead or in the body, with the publishing rule’s words', () => {
    expect(newArticleErrors(article({ leadImage: 8 }), authors, photos)).toEqual([{ path: 'leadImage', message: 'There is no photo with id 8.' }])
    const uncredited = new Map([...photos, ['9', { id: 9, filename: 'pier.jpg', alt: 'A pier', credit: {} }]])
    const errors = newArticleErrors(article({ body: bodyWithUpload(9) }), authors, uncredited)
    expect(errors).toEqual([{ path: 'body', message: expect.stringMatching(/^Cannot publish: the photo "pier\.jpg" \(media 9\) in the body has no credit/) }])
  })
})

describe('storedArticle', () => {
  it('records a new article further on the desk as one move there, by no one, with a row id', () => {
    const stored = storedArticle(article({ stage: 'editing' }), { stage: 'writing' }, 42, '2026-01-01T00:00:00.000Z', () => 'row-1')
    expect(stored).toMatchObject({ stage: 'editing', stageHistory: [{ id: 'row-1', from: null, to: 'editing', by: null, at: '2026-01-01T00:00:00.000Z' }] })
  })

  it('is the defaults, then the article, then what the hooks derive; published, dated as given or now', () => {
    const stored = storedArticle(article({ createdAt: '2025-07-01T00:00:00.000Z' }), { stage: 'writing', kind: 'news', language: 'en' }, 42, '2026-01-01T00:00:00.000Z', () => 'row-1')
    expect(stored).toMatchObject({
      id: 42,
      stage: 'writing',
      kind: 'news',
      language: 'en',
      tags: ['Harbours', 'Trade'],
      tagSlugs: ['harbours', 'trade'],
      publishedMonth: '2025-07',
      photos: [7],
      stageHistory: [],
      correctedAt: null,
      significantUpdate: false,
      _status: 'published',
      createdAt: '2025-07-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    })
  })
})

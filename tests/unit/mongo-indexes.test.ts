import { describe, expect, it } from 'vitest'
import { equalityFields, indexServes, READER_INDEXES } from '@/lib/platform/mongo-indexes'

const key = (name: string) => READER_INDEXES.find((index) => index.name === name)!.key
const PUBLISHED = { _status: { $eq: 'published' } }
const LISTING_SORT = { publishedAt: -1, _id: -1, createdAt: -1 } as const

describe('equalityFields', () => {
  it('finds the fields a filter pins to one value, through $and', () => {
    expect(equalityFields({ $and: [PUBLISHED, { $and: [{ section: 'world' }, { authors: { $in: ['a'] } }] }] })).toEqual(
      new Set(['_status', 'section', 'authors']),
    )
  })

  it('leaves out ranges and many-value $in', () => {
    expect(equalityFields({ _id: { $gte: 'x' }, tagSlugs: { $in: ['a', 'b'] }, publishedAt: { $lt: 'y' } })).toEqual(new Set())
  })
})

describe('indexServes', () => {
  it('accepts the listing index for its listing, in either direction', () => {
    expect(indexServes(key('reader_latest'), PUBLISHED, LISTING_SORT)).toBe(true)
    expect(indexServes(key('reader_latest'), PUBLISHED, { publishedAt: 1, _id: 1, createdAt: 1 })).toBe(true)
    expect(indexServes(key('reader_section'), { $and: [PUBLISHED, { section: { $eq: 'world' } }] }, LISTING_SORT)).toBe(true)
  })

  it('refuses an index whose sort does not match: MongoDB would sort in memory', () => {
    expect(indexServes(key('reader_latest'), PUBLISHED, { publishedAt: -1, _id: 1 })).toBe(false)
    expect(indexServes(key('reader_latest'), PUBLISHED, { updatedAt: -1 })).toBe(false)
    expect(indexServes({ _status: 1, publishedAt: -1 }, PUBLISHED, LISTING_SORT)).toBe(false)
  })

  it('refuses, for a listing, an index that leaves a pinned field out (it would walk every published article)', () => {
    expect(indexServes(key('reader_latest'), { $and: [PUBLISHED, { section: { $eq: 'world' } }] }, LISTING_SORT)).toBe(false)
  })

  it('accepts a lookup by an index that leads with a field it names, and refuses one that does not', () => {
    expect(indexServes(key('lead_image'), { $and: [{ leadImage: { $eq: 'id' } }, PUBLISHED] })).toBe(true)
    expect(indexServes({ _id: 1 }, { _id: { $in: ['a', 'b'] } })).toBe(true)
    expect(indexServes(key('lead_image'), PUBLISHED)).toBe(false)
  })

  it('accepts the sitemap index’s walk of the months, and a month’s part read by date', () => {
    expect(indexServes(key('sitemap_months'), { _status: 'published', publishedMonth: { $type: 'string' } }, { publishedMonth: 1, updatedAt: -1 })).toBe(true)
    expect(indexServes(key('sitemap_months'), PUBLISHED, { updatedAt: -1 })).toBe(false)
    expect(indexServes(key('reader_latest'), { _status: 'published', publishedAt: { $gte: 'x', $lt: 'y' } }, { publishedAt: 1, _id: 1 })).toBe(true)
  })
})

import { describe, expect, it } from 'vitest'
import { cappedPaging, pagingProblem, whereProblem, type FieldKind, type QueryShape } from '@/lib/security/query-guards'

const kinds: Record<string, FieldKind> = { publishedAt: 'date', wordCount: 'number', leadImage: 'id' }
const shape: QueryShape = {
  kindOf: (path) => kinds[path] ?? 'other',
  isId: (value) => /^\d+$/.test(String(value)),
}

describe('pagingProblem', () => {
  it('accepts whole numbers in range', () => {
    expect(pagingProblem({ page: 2, limit: 0 })).toBeNull()
    expect(pagingProblem({})).toBeNull()
  })

  it('names the parameter and the value it refuses', () => {
    expect(pagingProblem({ page: Infinity })).toBe('page must be a whole number from 1 up; "Infinity" is not.')
    expect(pagingProblem({ page: 0 })).toBe('page must be a whole number from 1 up; "0" is not.')
    expect(pagingProblem({ limit: 'abc' })).toBe('limit must be a whole number from 0 up; "abc" is not.')
    expect(pagingProblem({ limit: 2.5 })).toMatch(/^limit must be/)
  })
})

describe('cappedPaging', () => {
  it('cuts a reader to 100 documents, whatever asks for more', () => {
    expect(cappedPaging({ limit: 100_000 })).toEqual({ limit: 100, pagination: true })
    expect(cappedPaging({ limit: 0 })).toEqual({ limit: 100, pagination: true })
    expect(cappedPaging({ pagination: false })).toEqual({ limit: 100, pagination: true })
    expect(cappedPaging({ pagination: false, limit: 5 })).toEqual({ limit: 5, pagination: true })
  })

  it('leaves pages within the cap alone', () => {
    const args = { limit: 20, page: 3 }
    expect(cappedPaging(args)).toBe(args)
    expect(cappedPaging({})).toEqual({})
  })
})

describe('whereProblem', () => {
  it('accepts well-formed conditions', () => {
    expect(whereProblem({ publishedAt: { greater_than: '2025-06-01' }, id: { in: '1,2' } }, shape)).toBeNull()
    expect(whereProblem({ or: [{ title: { like: 'budget' } }, { wordCount: { less_than: '500' } }] }, shape)).toBeNull()
    expect(whereProblem({ leadImage: { exists: 'true' } }, shape)).toBeNull()
  })

  it('refuses a where that is not a set of conditions', () => {
    expect(whereProblem('abc', shape)).toBe('where must be a set of conditions, such as where[title][equals]=Budget; "abc" is not.')
    expect(whereProblem({ title: 'x' }, shape)).toMatch(/^where\[title\] must name an operator/)
    expect(whereProblem({ or: { title: { equals: 'x' } } }, shape)).toBe('where[or] must be a list of conditions.')
  })

  it('refuses values of the wrong type, naming the parameter', () => {
    expect(whereProblem({ id: { in: '1,abc' } }, shape)).toBe('where[id][in] must be a document id; "abc" is not.')
    expect(whereProblem({ id: { in: [1, 'abc'] } }, shape)).toBe('where[id][in] must be a document id; "abc" is not.')
    expect(whereProblem({ publishedAt: { greater_than: 'notadate' } }, shape)).toBe(
      'where[publishedAt][greater_than] must be a date, such as 2025-06-01T09:00:00Z; "notadate" is not.',
    )
    expect(whereProblem({ and: [{ wordCount: { equals: 'many' } }] }, shape)).toBe(
      'where[and][0][wordCount][equals] must be a number; "many" is not.',
    )
    expect(whereProblem({ leadImage: { equals: 'x' } }, shape)).toMatch(/^where\[leadImage\]\[equals\] must be a document id/)
  })

  it('bounds the length of a value without echoing it', () => {
    const problem = whereProblem({ title: { like: 'a'.repeat(60_000) } }, shape)
    expect(problem).toBe('where[title][like] is 60000 characters long; at most 1000 are allowed.')
  })

  it('bounds how deep and/or nest', () => {
    let where: object = { title: { equals: 'x' } }
    for (let i = 0; i < 12; i++) where = { or: [where] }
    expect(whereProblem(where, shape)).toMatch(/nests and\/or more than 8 levels deep/)
  })
})

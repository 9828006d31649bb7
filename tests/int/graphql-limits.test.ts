import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { doublingFragments, mergedFields } from '../unit/support/graphql-attacks'
import { startPayload, type TestPayload } from './support/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startPayload()
})
afterAll(async () => t?.cleanup())

describe('GraphQL refuses hostile queries before running them', () => {
  it('a deeply nested introspection query', async () => {
    // __schema > types > fields > type > ofType × 9 > name: 14 levels.
    const path = ['__schema', 'types', 'fields', 'type', ...Array(9).fill('ofType')]
    const deep = `{ ${path.join(' { ')} { name ${'} '.repeat(path.length)}}`
    const result = await t.graphql(deep)
    expect(result.data).toBeUndefined()
    expect(result.errors?.[0]?.message).toMatch(/nested 14 levels deep; at most 12 are allowed/)
  })

  it('a query whose aliases multiply the work past the complexity budget', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: Articles(limit: 100) { docs { id title slug } }`).join('\n')
    const result = await t.graphql(`{ ${aliases} }`)
    expect(result.data).toBeUndefined()
    expect(result.errors?.[0]?.message).toMatch(/complexity/i)
  })

  it('fragments that double at every level (19 levels, 1.7 KB), with a 400 and no 500', async () => {
    const result = await t.graphql(doublingFragments(19))
    expect(result.status).toBe(400)
    expect(result.data).toBeUndefined()
    expect(result.errors?.[0]?.message).toBe('The query selects 524289 fields once its fragments are spread; at most 2000 are allowed.')
  })

  it('same-named fields six wide at three levels (what GraphQL compares pairwise)', async () => {
    const result = await t.graphql(mergedFields(6))
    expect(result.status).toBe(400)
    expect(result.errors?.[0]?.message).toMatch(/^The query selects one field under the same name 216 times/)
  })

  it('a fragment cycle, named, with a 400 and no 500', async () => {
    const result = await t.graphql('{ Articles { docs { ...A } } } fragment A on Article { title ...B } fragment B on Article { ...A }')
    expect(result.status).toBe(400)
    expect(result.errors?.[0]?.message).toBe('Fragment "A" spreads itself (A → B → A); fragments may not form cycles.')
  })

  it('a fragment cycle hidden behind a field', async () => {
    const result = await t.graphql('{ Articles { docs { ...A } } } fragment A on Article { authors { ...B } } fragment B on Author { photo { ...C } } fragment C on Media { ...B }')
    expect(result.status).toBe(400)
    expect(result.errors?.[0]?.message).toMatch(/^Fragment "B" spreads itself \(B → C → B\)/)
  })

  it('while an ordinary reader query still works', async () => {
    const result = await t.graphql('{ Articles(limit: 5) { docs { title authors { name photo { alt credit { line } } } } } }')
    expect(result.errors).toBeUndefined()
    expect(result.data?.Articles.docs).toEqual([])
  })
})

describe('GraphQL does not suggest field names to a caller who got them wrong', () => {
  it.each([
    ['{ Users { docs { hsh } } }', 'Cannot query field "hsh" on type "User".'],
    ['{ Users { docs { resetPasswordTokn } } }', 'Cannot query field "resetPasswordTokn" on type "User".'],
    ['{ Articles(limt: 5) { docs { id } } }', 'Unknown argument "limt" on field "Query.Articles".'],
  ])('%s', async (query, message) => {
    const result = await t.graphql(query)
    const messages = result.errors?.map((error) => error.message)
    expect(messages).toContain(message)
    expect(messages?.join(' ')).not.toMatch(/Did you mean|hash|salt|loginAttempts|lockUntil/)
  })
})

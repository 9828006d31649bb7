import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

  it('while an ordinary reader query still works', async () => {
    const result = await t.graphql('{ Articles(limit: 5) { docs { title authors { name photo { alt credit { line } } } } } }')
    expect(result.errors).toBeUndefined()
    expect(result.data?.Articles.docs).toEqual([])
  })
})

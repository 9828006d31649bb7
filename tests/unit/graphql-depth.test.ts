import { buildSchema, parse, validate } from 'graphql'
import { describe, expect, it } from 'vitest'
import { depthLimit } from '@/lib/graphql-depth'

const schema = buildSchema(`
  type Node { name: String, child: Node }
  type Query { root: Node }
`)
const nested = (levels: number) => `{ root ${'{ child '.repeat(levels - 1)}{ name }${' }'.repeat(levels - 1)} }`
const errors = (query: string, max = 5) => validate(schema, parse(query), [depthLimit(max)]).map((e) => e.message)

describe('depthLimit', () => {
  it('accepts queries up to the limit', () => {
    expect(errors(nested(4))).toEqual([]) // root + 3 children + name = 5 levels
  })

  it('refuses deeper ones with a message that gives both numbers', () => {
    expect(errors(nested(5))).toEqual(['The query is nested 6 levels deep; at most 5 are allowed.'])
  })

  it('follows fragments and inline fragments', () => {
    const query = `
      query Deep { root { ...A } }
      fragment A on Node { child { ... on Node { child { ...B } } } }
      fragment B on Node { child { child { child { name } } } }
    `
    expect(errors(query)).toEqual(['"Deep" is nested 7 levels deep; at most 5 are allowed.'])
  })

  it('counts introspection too', () => {
    const query = `{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`
    expect(errors(query)).toHaveLength(1)
  })
})

import { parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { measureDocument } from '@/lib/security/graphql-depth'
import { GRAPHQL_LIMITS, refusalOf, withoutSuggestions } from '@/lib/security/graphql-guard'
import { doublingFragments } from './support/graphql-attacks'

const nested = (levels: number) => `{ root ${'{ child '.repeat(levels - 1)}{ name }${' }'.repeat(levels - 1)} }`
const limits = { ...GRAPHQL_LIMITS, depth: 5 }

describe('measureDocument', () => {
  it('counts fields as if fragments were expanded, without expanding them', () => {
    const size = measureDocument(parse(doublingFragments(40)))
    // 2 (Articles, docs) + title × (2^40 - 1): far past any limit, measured in one pass per fragment.
    expect(size.fields).toBe(2 + 2 ** 40 - 1)
    expect(size.depth).toBe(3)
  })

  it('follows fragments and inline fragments for depth', () => {
    const size = measureDocument(
      parse(`
        query Deep { root { ...A } }
        fragment A on Node { child { ... on Node { child { ...B } } } }
        fragment B on Node { child { child { child { name } } } }
      `),
    )
    expect(size).toMatchObject({ depth: 7, deepestOperation: 'Deep' })
  })

  it('counts the fields GraphQL merges into one, through parents and fragments', () => {
    // a > y > six y, each selecting six x: the six y merge into one, and so do their 36 x.
    const wide = `{ a { y { ${Array(6).fill(`y { ${Array(6).fill('x(l: 1)').join(' ')} }`).join(' ')} } } }`
    expect(measureDocument(parse(wide)).merged).toBe(36)
    const viaFragments = '{ a { ...F ...F ...G } } fragment F on A { id y { id } } fragment G on A { id }'
    expect(measureDocument(parse(viaFragments)).merged).toBe(3)
  })

  it('reports a cycle as the path that closes it', () => {
    const size = measureDocument(parse('{ root { ...A } } fragment A on Node { child { ...B } } fragment B on Node { ...A }'))
    expect(size.cycle).toEqual(['A', 'B', 'A'])
  })
})

describe('refusalOf', () => {
  it('lets ordinary queries through', () => {
    expect(refusalOf(nested(4), limits)).toBeNull()
    expect(refusalOf('{ Articles(limit: 5) { docs { title ...Byline } } } fragment Byline on Article { authors { name } }')).toBeNull()
  })

  it('leaves syntax errors to GraphQL', () => {
    expect(refusalOf('{ Articles { ')).toBeNull()
  })

  it('refuses the 19-level doubling fragments by the fields they would expand to', () => {
    expect(refusalOf(doublingFragments(19))).toBe(
      `The query selects ${2 + 2 ** 19 - 1} fields once its fragments are spread; at most 2000 are allowed.`,
    )
    expect(refusalOf(doublingFragments(49))).toMatch(/selects over a billion fields/)
  })

  it('refuses a fragment cycle, naming it', () => {
    expect(refusalOf('{ Articles { docs { ...A } } } fragment A on Article { ...B } fragment B on Article { title ...A }')).toBe(
      'Fragment "A" spreads itself (A → B → A); fragments may not form cycles.',
    )
    expect(refusalOf('{ Articles { docs { ...A } } } fragment A on Article { ...A }')).toMatch(/\(A → A\)/)
  })

  it('refuses queries nested too deep, with both numbers', () => {
    expect(refusalOf(nested(5), limits)).toBe('The query is nested 6 levels deep; at most 5 are allowed.')
    expect(refusalOf(`query Named ${nested(6)}`, limits)).toBe('"Named" is nested 7 levels deep; at most 5 are allowed.')
  })

  it('refuses same-named fields merged past the limit (what makes GraphQL compare them pairwise)', () => {
    const rep = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ')
    const nested = `{ a { ${rep(6, () => `y { ${rep(6, () => `y { ${rep(6, (k) => `x(l: ${k})`)} }`)} }`)} } }`
    expect(refusalOf(nested)).toBe(
      'The query selects one field under the same name 216 times, once fragments and parents are merged; at most 20 are allowed.',
    )
    expect(refusalOf(`{ a { ${rep(20, (i) => `x(l: ${i})`)} } }`)).toBeNull()
  })

  it('bounds characters, tokens, fragments and spreads', () => {
    expect(refusalOf(`{ a }${' '.repeat(20_000)}`)).toBe('The query is 20005 characters long; at most 20000 are allowed.')
    expect(refusalOf(`{ ${'a '.repeat(5_000)}}`)).toBe('The query has more than 5000 tokens; at most 5000 are allowed.')
    const many = Array.from({ length: 51 }, (_, i) => `fragment F${i} on Article { title }`).join(' ')
    expect(refusalOf(`{ a } ${many}`)).toBe('The query defines 51 fragments; at most 50 are allowed.')
    expect(refusalOf(`{ a { ${'...F '.repeat(201)}} } fragment F on A { b }`)).toBe(
      'The query spreads fragments 201 times; at most 200 are allowed.',
    )
  })
})

describe('withoutSuggestions', () => {
  it('drops "Did you mean" hints and keeps the rest of the message', () => {
    expect(withoutSuggestions('Cannot query field "hsh" on type "User". Did you mean "hash" or "salt"?')).toBe(
      'Cannot query field "hsh" on type "User".',
    )
    expect(withoutSuggestions('Unknown argument "limt". Did you mean "limit"?')).toBe('Unknown argument "limt".')
    expect(withoutSuggestions('Syntax Error: Expected Name.')).toBe('Syntax Error: Expected Name.')
  })
})

import { Kind, parse, visit, type DocumentNode } from 'graphql'
import { measureDocument } from './graphql-depth'

/**
 * Bounds on one GraphQL document, checked before GraphQL's own validation and Payload's complexity
 * rule run (both expand fragments, so a hostile document must never reach them). Generous for any
 * query this site's clients send: the largest reader query has under 100 fields and 2 fragments.
 */
export const GRAPHQL_LIMITS = {
  characters: 20_000,
  tokens: 5_000,
  fragments: 50,
  spreads: 200,
  depth: 12,
  fields: 2_000,
  merged: 20,
}

export type GraphQLLimits = typeof GRAPHQL_LIMITS

/**
 * Why a query must be refused unread, or null when it may go on to validation. Linear in the size
 * of the document: parsing stops at the token limit, and fragments are measured once each.
 * Syntax errors return null too: GraphQL reports them itself, just as cheaply.
 */
export function refusalOf(query: string, limits: GraphQLLimits = GRAPHQL_LIMITS): string | null {
  if (query.length > limits.characters) {
    return `The query is ${query.length} characters long; at most ${limits.characters} are allowed.`
  }
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: limits.tokens, noLocation: true })
  } catch (error) {
    // graphql-js 16 words it "contains more that N tokens"; matched loosely so a fixed typo still matches.
    if (error instanceof Error && /Document contains more th\w+ \d+ tokens/.test(error.message)) {
      return `The query has more than ${limits.tokens} tokens; at most ${limits.tokens} are allowed.`
    }
    return null
  }
  let fragments = 0
  let spreads = 0
  visit(document, {
    [Kind.FRAGMENT_DEFINITION]: () => void fragments++,
    [Kind.FRAGMENT_SPREAD]: () => void spreads++,
  })
  if (fragments > limits.fragments) return `The query defines ${fragments} fragments; at most ${limits.fragments} are allowed.`
  if (spreads > limits.spreads) return `The query spreads fragments ${spreads} times; at most ${limits.spreads} are allowed.`

  const size = measureDocument(document)
  if (size.cycle) {
    return `Fragment "${size.cycle[0]}" spreads itself (${size.cycle.join(' → ')}); fragments may not form cycles.`
  }
  if (size.depth > limits.depth) {
    const name = size.deepestOperation ? `"${size.deepestOperation}"` : 'The query'
    return `${name} is nested ${size.depth} levels deep; at most ${limits.depth} are allowed.`
  }
  if (size.fields > limits.fields) {
    return `The query selects ${size.fields > 1e9 ? 'over a billion' : size.fields} fields once its fragments are spread; at most ${limits.fields} are allowed.`
  }
  if (size.merged > limits.merged) {
    return `The query selects one field under the same name ${size.merged} times, once fragments and parents are merged; at most ${limits.merged} are allowed.`
  }
  return null
}

/**
 * GraphQL's "Did you mean …?" hints name fields the caller cannot otherwise see (a user's `hash`,
 * `salt`, `resetPasswordToken`): dropped from every message outside development.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean [^?]*\?/g, '')
}

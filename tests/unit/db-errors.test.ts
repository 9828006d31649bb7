import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from '@/lib/platform/db-errors'

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code })
const named = (name: string) => Object.assign(new Error('boom'), { name })

describe('isDatabaseUnavailable', () => {
  it.each([
    ['an unopenable SQLite file', withCode('unable to open database file', 'SQLITE_CANTOPEN')],
    ['an SQLite I/O error, by extended code', withCode('disk I/O error', 'SQLITE_IOERR_READ')],
    ['a file that is not a database', withCode('file is not a database', 'SQLITE_NOTADB')],
    ['a closed libsql client', new Error('The client is closed')],
    ['MongoDB not answering', named('MongoServerSelectionError')],
    ['a dropped MongoDB connection', named('MongoNetworkError')],
    ['a MongoDB connection pool cleared after a network error', named('MongoPoolClearedError')],
    ['a MongoDB server closed under an operation', named('MongoServerClosedError')],
    ['a refused TCP connection', withCode('connect ECONNREFUSED 127.0.0.1:27017', 'ECONNREFUSED')],
    ['a wrapped cause (drizzle’s "Failed query")', new Error('Failed query: select 1', { cause: withCode('x', 'SQLITE_CANTOPEN') })],
    ['a GraphQL error around it', Object.assign(new Error('Failed query'), { originalError: named('MongoNetworkError') })],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a validation error', new Error('The following field is invalid: slug')],
    ['a unique constraint', withCode('UNIQUE constraint failed: articles.slug', 'SQLITE_CONSTRAINT_UNIQUE')],
    ['a MongoDB duplicate key', Object.assign(new Error('E11000 duplicate key error collection: masthead.articles index: slug_1'), { name: 'MongoServerError', code: 11000 })],
    ['a command MongoDB refuses in a transaction', Object.assign(new Error("Cannot run 'count' in a multi-document transaction."), { name: 'MongoServerError', code: 263 })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing at all', undefined],
    ['a string', 'SQLITE_CANTOPEN'],
  ])('does not mistake %s for an outage', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })

  it('does not loop on a cause that refers back to itself', () => {
    const error = new Error('outer') as Error & { cause?: unknown }
    error.cause = error
    expect(isDatabaseUnavailable(error)).toBe(false)
  })
})

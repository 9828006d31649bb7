import { describe, expect, it } from 'vitest'
import { asReplicaSetPrimary, refusalInTransaction } from '@/tests/mongo-standin/standin'

describe('the MongoDB stand-in’s replica-set rules', () => {
  it('refuses count inside a transaction with MongoDB’s own error, and nothing else', () => {
    const inTransaction = { lsid: {}, txnNumber: 1, autocommit: false }
    expect(refusalInTransaction('count', { count: 'users', ...inTransaction })).toEqual({
      ok: 0,
      errmsg: "Cannot run 'count' in a multi-document transaction.",
      code: 263,
      codeName: 'OperationNotSupportedInTransaction',
    })
    expect(refusalInTransaction('count', { count: 'users' })).toBeNull()
    expect(refusalInTransaction('aggregate', { aggregate: 'users', ...inTransaction })).toBeNull()
    expect(refusalInTransaction('find', { find: 'users', ...inTransaction })).toBeNull()
  })

  it('answers the handshake as the primary of rs0, keeping the rest of the reply', () => {
    expect(asReplicaSetPrimary({ ok: 1, isWritablePrimary: true }, '127.0.0.1:4000')).toEqual({
      ok: 1,
      isWritablePrimary: true,
      setName: 'rs0',
      setVersion: 1,
      hosts: ['127.0.0.1:4000'],
      primary: '127.0.0.1:4000',
      me: '127.0.0.1:4000',
      secondary: false,
    })
  })
})

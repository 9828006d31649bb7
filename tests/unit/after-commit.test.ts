import { describe, expect, it } from 'vitest'
import { afterCommit, type TransactionalDb } from '@/lib/invalidation/after-commit'

/** An adapter with transactions, as Payload's adapters keep them: open ones in `sessions`. */
function fakeDb() {
  const log: string[] = []
  const db: TransactionalDb & { begin(id: string): void } = {
    sessions: {},
    begin(id) {
      this.sessions![id] = {}
    },
    async commitTransaction(id) {
      const key = String(await id)
      delete this.sessions![key]
      log.push(`commit ${key}`)
    },
    async rollbackTransaction(id) {
      const key = String(await id)
      delete this.sessions![key]
      log.push(`rollback ${key}`)
    },
  }
  return { db, log, req: (transactionID: unknown) => ({ transactionID, payload: { db } }) as Parameters<typeof afterCommit>[0] }
}

describe('afterCommit', () => {
  it('runs the work after the transaction commits, not before', async () => {
    const { db, log, req } = fakeDb()
    db.begin('tx1')
    await afterCommit(req('tx1'), () => void log.push('expire'))
    expect(log).toEqual([])
    await db.commitTransaction('tx1')
    expect(log).toEqual(['commit tx1', 'expire'])
  })

  it('drops the work when the transaction rolls back', async () => {
    const { db, log, req } = fakeDb()
    db.begin('tx2')
    await afterCommit(req('tx2'), () => void log.push('expire'))
    await db.rollbackTransaction('tx2')
    await db.commitTransaction('tx2')
    expect(log).toEqual(['rollback tx2', 'commit tx2'])
  })

  it('runs at once without a transaction (Payload leaves a promise of null), or once it has ended', async () => {
    const { db, log, req } = fakeDb()
    await afterCommit(req(Promise.resolve(null)), () => void log.push('no transaction'))
    await afterCommit(req(undefined), () => void log.push('no id'))
    await afterCommit(req('gone'), () => void log.push('ended'))
    expect(log).toEqual(['no transaction', 'no id', 'ended'])
  })

  it('keeps transactions apart, and a failing piece of work does not stop the next', async () => {
    const { db, log, req } = fakeDb()
    db.begin('a')
    db.begin('b')
    await afterCommit(req(Promise.resolve('a')), () => {
      throw new Error('purge failed')
    })
    await afterCommit(req('a'), () => void log.push('a expired'))
    await afterCommit(req('b'), () => void log.push('b expired'))
    await db.commitTransaction(Promise.resolve('a'))
    expect(log).toEqual(['commit a', 'a expired'])
    await db.commitTransaction('b')
    expect(log).toEqual(['commit a', 'a expired', 'commit b', 'b expired'])
  })
})

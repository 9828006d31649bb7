import Database from 'libsql'
import { beforeAll, describe, expect, it } from 'vitest'
import { reusePreparedStatements, STATEMENTS_PER_CONNECTION } from '@/lib/platform/sqlite-statements'

beforeAll(() => reusePreparedStatements())

const connection = () => {
  const db = new Database(':memory:')
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)')
  return db
}

describe('prepared statements reused per connection', () => {
  it('gives the same statement for the same text, and a new one for another text or connection', () => {
    const db = connection()
    const sql = 'SELECT v FROM t WHERE id = ?'
    expect(db.prepare(sql)).toBe(db.prepare(sql))
    expect(db.prepare('SELECT id FROM t')).not.toBe(db.prepare(sql))
    expect(connection().prepare(sql)).not.toBe(db.prepare(sql))
  })

  it('answers each run with its own values, also after a run that failed', () => {
    const db = connection()
    const insert = () => db.prepare('INSERT INTO t (v) VALUES (?)')
    insert().run(['a'])
    expect(() => insert().run(['a'])).toThrow(/UNIQUE/)
    insert().run(['b'])
    const select = () => db.prepare('SELECT v FROM t WHERE v >= ? ORDER BY v').raw(true)
    expect(select().all(['a'])).toEqual([['a'], ['b']])
    expect(select().all(['b'])).toEqual([['b']])
  })

  it('prepares again after a schema change, so the columns are the new ones', () => {
    const db = connection()
    db.prepare('INSERT INTO t (v) VALUES (?)').run(['a'])
    const before = db.prepare('SELECT * FROM t')
    expect(before.columns().map((column) => column.name)).toEqual(['id', 'v'])
    db.prepare('ALTER TABLE t ADD COLUMN w TEXT').run()
    const after = db.prepare('SELECT * FROM t')
    expect(after).not.toBe(before)
    expect(after.columns().map((column) => column.name)).toEqual(['id', 'v', 'w'])
  })

  it(`keeps at most ${STATEMENTS_PER_CONNECTION} per connection, dropping the least recently used`, () => {
    const db = connection()
    const text = (n: number) => `SELECT ${n} AS n`
    const first = db.prepare(text(0))
    const second = db.prepare(text(1))
    for (let n = 2; n <= STATEMENTS_PER_CONNECTION; n++) {
      db.prepare(text(n))
      if (n === 2) db.prepare(text(0)) // used again: now the most recent
    }
    expect(db.prepare(text(0))).toBe(first)
    expect(db.prepare(text(1))).not.toBe(second)
  })
})

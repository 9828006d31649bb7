import { describe, expect, it } from 'vitest'
import { chooseDatabase, defaultSqliteFile, describeDatabase, pushesSchema } from '@/server/database'

describe('chooseDatabase', () => {
  it('defaults to the SQLite file under data/', () => {
    expect(chooseDatabase(undefined, '/srv/data/masthead.db')).toEqual({
      kind: 'sqlite',
      url: 'file:/srv/data/masthead.db',
      file: '/srv/data/masthead.db',
    })
    expect(chooseDatabase('  ', '/d.db').kind).toBe('sqlite')
  })

  it.each([
    ['file:./data/e2e/masthead.db', './data/e2e/masthead.db'],
    ['file:/tmp/x.db', '/tmp/x.db'],
    ['file:///tmp/x.db', '/tmp/x.db'],
  ])('reads %s as the SQLite file %s', (uri, file) => {
    expect(chooseDatabase(uri, '/unused.db')).toEqual({ kind: 'sqlite', url: uri, file })
  })

  it('selects MongoDB, with transactions only when the URI names a replica set', () => {
    expect(chooseDatabase('mongodb://db:27017/masthead', '/d.db')).toEqual({
      kind: 'mongodb',
      url: 'mongodb://db:27017/masthead',
      replicaSet: false,
    })
    expect(chooseDatabase('mongodb://db:27017/masthead?replicaSet=rs0', '/d.db')).toMatchObject({ replicaSet: true })
    expect(chooseDatabase('mongodb+srv://cluster.example.net/masthead', '/d.db')).toMatchObject({
      kind: 'mongodb',
      replicaSet: true,
    })
  })

  it('refuses anything else, naming DATABASE_URI and the accepted forms without leaking a password', () => {
    expect(() => chooseDatabase('postgres://admin:hunter2@db/masthead', '/d.db')).toThrow(
      /DATABASE_URI .*postgres:\/\/admin:\*\*\*@db\/masthead.*Accepted: .*file:.*mongodb:\/\//,
    )
    expect(() => chooseDatabase('postgres://admin:hunter2@db/masthead', '/d.db')).not.toThrow(/hunter2/)
    expect(() => chooseDatabase('file:', '/d.db')).toThrow(/names no file/)
  })
})

describe('the default database', () => {
  it('is one file for every command; only the development server keeps its own', () => {
    for (const nodeEnv of [undefined, 'production', 'test', '']) {
      expect(defaultSqliteFile('/srv/data', nodeEnv)).toBe('/srv/data/masthead.db')
    }
    expect(defaultSqliteFile('/srv/data/', 'development')).toBe('/srv/data/masthead-dev.db')
  })

  it('gets its schema from migrations, except under the development server and the tests', () => {
    expect(pushesSchema('development')).toBe(true)
    expect(pushesSchema('test')).toBe(true)
    expect(pushesSchema(undefined)).toBe(false)
    expect(pushesSchema('production')).toBe(false)
  })

  it('is named in output relative to the project, with no password', () => {
    expect(describeDatabase(chooseDatabase(undefined, '/srv/app/data/masthead.db'), '/srv/app')).toBe('SQLite data/masthead.db')
    expect(describeDatabase(chooseDatabase('file:/tmp/x.db', '/unused'), '/srv/app')).toBe('SQLite /tmp/x.db')
    expect(describeDatabase(chooseDatabase('mongodb://ed:secret@db:27017/masthead?replicaSet=rs0', '/unused'), '/srv/app')).toBe(
      'MongoDB mongodb://ed:***@db:27017/masthead',
    )
  })
})

import { describe, expect, it } from 'vitest'
import { freshDatabaseName, isMongoUri, withDatabaseName } from '@/lib/platform/mongo-uri'

describe('MongoDB URIs for test runs', () => {
  it('swap the database and keep the server, credentials and options', () => {
    expect(withDatabaseName('mongodb://u:p@localhost:27017/masthead?replicaSet=rs0&directConnection=true', 'masthead_e2e_x')).toBe(
      'mongodb://u:p@localhost:27017/masthead_e2e_x?replicaSet=rs0&directConnection=true',
    )
    expect(withDatabaseName('mongodb://localhost:27017', 'fresh')).toBe('mongodb://localhost:27017/fresh')
    expect(withDatabaseName('mongodb+srv://cluster.example.net/masthead?retryWrites=true', 'fresh')).toBe(
      'mongodb+srv://cluster.example.net/fresh?retryWrites=true',
    )
  })

  it('name a different database on every run', () => {
    expect(freshDatabaseName('masthead_e2e', 1_700_000_000_000, 0.123456789)).toBe('masthead_e2e_loyw3v28_4fzzzx')
    expect(freshDatabaseName('masthead_e2e')).not.toBe(freshDatabaseName('masthead_e2e'))
    expect(freshDatabaseName('masthead_e2e').length).toBeLessThanOrEqual(63)
  })

  it('tell MongoDB URIs from SQLite ones', () => {
    expect(isMongoUri('mongodb://localhost/x')).toBe(true)
    expect(isMongoUri(' mongodb+srv://cluster.example.net/x')).toBe(true)
    expect(isMongoUri('file:./data/e2e/masthead.db')).toBe(false)
    expect(isMongoUri(undefined)).toBe(false)
  })
})

import { MongoNetworkError, MongoNetworkTimeoutError, MongoServerSelectionError } from 'mongodb'

/**
 * The errors a database adapter raises when its server is down or its file cannot be read, each in
 * the driver's own class and wrapped as the adapter wraps it (see also tests/int/mongodb/outage.test.ts,
 * where a MongoDB-wire server really goes away).
 */
export const OUTAGES = {
  'SQLite cannot open its file': () => {
    const cause = Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' })
    return new Error('Failed query: select …', { cause })
  },
  // What every operation throws once no server answered within serverSelectionTimeoutMS.
  'MongoDB: no server selected in time': () =>
    // The second argument is the driver's view of the servers it tried (none answered).
    new MongoServerSelectionError('Server selection timed out after 5000 ms', { type: 'ReplicaSetNoPrimary', servers: new Map() } as never),
  'MongoDB: the connection was dropped': () => new MongoNetworkError('connection 3 to 127.0.0.1:27017 closed'),
  'MongoDB: the server stopped answering': () => new MongoNetworkTimeoutError('connection 3 to 127.0.0.1:27017 timed out'),
} satisfies Record<string, () => Error>

export type Outage = keyof typeof OUTAGES

/** Makes every database operation fail with `outage`'s error until the returned function brings it back. */
export function cutDatabase(db: object, outage: Outage = 'SQLite cannot open its file'): () => void {
  const saved = new Map<string, unknown>()
  for (const key of ['find', 'findOne', 'count', 'create', 'updateOne', 'deleteOne', 'queryDrafts', 'findVersions']) {
    const original = (db as Record<string, unknown>)[key]
    if (typeof original !== 'function') continue
    saved.set(key, original)
    ;(db as Record<string, unknown>)[key] = async () => {
      throw OUTAGES[outage]()
    }
  }
  return () => {
    for (const [key, original] of saved) (db as Record<string, unknown>)[key] = original
  }
}

import type { Payload } from 'payload'
import { chooseSearchEngine } from './choose'
import type { SearchEngine } from './engine'
import { mongoEngine, SEARCH_COLLECTION, type MongoCollection } from './mongo-text'
import { sqliteFtsEngine, type LibsqlClient } from './sqlite-fts'

/** The search engine of this Payload's database, one per adapter object (lib/search/choose.ts decides which). */
const engines = new WeakMap<object, SearchEngine>()

export function searchEngine(payload: Payload): SearchEngine {
  const db = payload.db as unknown as { name: string; client?: LibsqlClient; connection?: { db?: { collection(name: string): MongoCollection } } }
  const existing = engines.get(db)
  if (existing) return existing
  const choice = chooseSearchEngine(db.name, { SEARCH_ENGINE: process.env.SEARCH_ENGINE, SEARCH_ATLAS_INDEX: process.env.SEARCH_ATLAS_INDEX })
  let engine: SearchEngine
  if (choice.kind === 'sqlite-fts5') {
    if (!db.client) throw new Error('The SQLite adapter has no client yet: search is prepared after it connects (onInit).')
    engine = sqliteFtsEngine(db.client)
  } else {
    const collection = db.connection?.db?.collection(SEARCH_COLLECTION)
    if (!collection) throw new Error('The MongoDB adapter has no connection yet: search is prepared after it connects (onInit).')
    engine = mongoEngine(collection, { atlasIndex: choice.kind === 'atlas-search' ? choice.index : undefined })
  }
  engines.set(db, engine)
  return engine
}

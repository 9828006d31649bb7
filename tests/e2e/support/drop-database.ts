import { MongoClient } from 'mongodb'

/** Playwright's global teardown: drops the run's own MongoDB database (playwright.config.ts). */
export default async function dropDatabase(): Promise<void> {
  const uri = process.env.MASTHEAD_E2E_DATABASE_URI
  if (!uri) return
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 })
  try {
    await client.db().dropDatabase()
  } finally {
    await client.close()
  }
}

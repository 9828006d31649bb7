import { afterAll, beforeAll, expect, it } from 'vitest'
import { DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/platform/db-errors'
import { cutDatabase, OUTAGES, type Outage } from './support/outage'
import { startPayload, type TestPayload } from './support/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startPayload()
})
afterAll(async () => t?.cleanup())

// Every adapter's outage shape, whichever adapter runs: the answer must not depend on it.
it.each(Object.keys(OUTAGES) as Outage[])('answers 503 with a plain message while the database cannot be reached (%s), and recovers by itself', async (outage) => {
  expect((await t.rest.get('/articles')).status).toBe(200)
  const restore = cutDatabase(t.payload.db, outage)

  const response = await t.rest.get('/articles')
  expect(response.status).toBe(503)
  const text = await response.text()
  expect(JSON.parse(text)).toEqual({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] })
  expect(text).not.toMatch(/stack|\.js:\d|SQLITE|Failed query|Mongo|127\.0\.0\.1|timed out/)
  const gql = await t.graphql('{ Articles { totalDocs } }')
  expect(gql.errors?.[0]?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE)

  // The database is back: the very next requests succeed, with nothing restarted.
  restore()
  expect((await t.rest.get('/articles')).status).toBe(200)
  expect((await t.graphql('{ Articles { totalDocs } }')).data?.Articles.totalDocs).toBe(0)
})

it('still answers 500, not 503, for an error that is not an outage', async () => {
  const db = t.payload.db as unknown as Record<string, unknown>
  const find = db.find
  db.find = async () => {
    throw new TypeError("Cannot read properties of undefined (reading 'id')")
  }
  try {
    expect((await t.rest.get('/articles')).status).toBe(500)
  } finally {
    db.find = find
  }
})

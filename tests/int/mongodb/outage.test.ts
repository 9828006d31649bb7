import { afterAll, beforeAll, expect, it } from 'vitest'
import { DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/platform/db-errors'
import { type Standin, startStandin } from '@/tests/mongo-standin/standin'
import { createAuthor } from '../support/fixtures'
import { startPayload, type TestPayload } from '../support/payload'

// A real outage, not an injected error: this file runs on a MongoDB-wire stand-in of its own (whatever
// server the run uses), stops it under the running Payload, and starts it again.

let standin: Standin
let port: number
let t: TestPayload
beforeAll(async () => {
  standin = await startStandin()
  port = Number(new URL(standin.uri).port)
  t = await startPayload({ databaseUri: standin.uri })
})
afterAll(async () => {
  await t?.cleanup()
  await standin?.stop()
})

it('answers 503 with the plain message while the MongoDB server is gone, and recovers when it is back', async () => {
  await createAuthor(t.payload, 'Before The Outage')
  expect((await t.rest.get('/authors')).status).toBe(200)

  await standin.stop()
  const response = await t.rest.get('/authors')
  expect(response.status).toBe(503)
  const text = await response.text()
  expect(JSON.parse(text)).toEqual({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] })
  expect(text).not.toMatch(/Mongo|127\.0\.0\.1|timed out|stack/)
  expect((await t.graphql('{ Authors { totalDocs } }')).errors?.[0]?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE)

  // The server is back (empty: the stand-in keeps nothing in memory across a restart); no restart of ours.
  standin = await startStandin(port)
  expect((await t.rest.get('/authors')).status).toBe(200)
})

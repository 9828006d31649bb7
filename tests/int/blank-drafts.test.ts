import { afterAll, beforeAll, expect, it } from 'vitest'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let editor: { token: string }
beforeAll(async () => {
  t = await startPayload()
  editor = await createUser(t.payload, ['editor'])
})
afterAll(async () => t?.cleanup())

/** The document as the database holds it: on MongoDB the raw document, where an unset field has no key. */
async function stored(collection: 'articles' | 'authors', id: number | string): Promise<Record<string, unknown>> {
  const db = t.payload.db as unknown as { packageName: string; collections?: Record<string, { collection: { findOne(filter: object): Promise<object | null> } }> }
  if (db.packageName === '@payloadcms/db-mongodb') {
    const { ObjectId } = await import('mongodb')
    return ((await db.collections![collection]!.collection.findOne({ _id: new ObjectId(String(id)) })) ?? {}) as Record<string, unknown>
  }
  return (await t.payload.findByID({ collection, id, draft: true, depth: 0 })) as unknown as Record<string, unknown>
}

// The admin's "Create new" autosaves an empty draft before anything is typed.
it('saves any number of blank drafts, leaving their slug unset rather than null', async () => {
  const ids: (number | string)[] = []
  for (let i = 0; i < 3; i += 1) {
    const response = await t.rest.post('/articles?draft=true&autosave=true', { token: editor.token, body: { _status: 'draft' } })
    expect(response.status, await response.clone().text()).toBe(201)
    ids.push((await response.json()).doc.id)
  }
  for (const id of ids) {
    const doc = await stored('articles', id)
    // MongoDB's unique sparse index indexes an explicit null (a second blank draft collides): no key at all.
    if ((t.payload.db as { packageName: string }).packageName === '@payloadcms/db-mongodb') expect(doc).not.toHaveProperty('slug')
    else expect(doc.slug ?? null).toBeNull()
  }
  // Once headed, a draft gets its slug as before.
  const headed = await t.rest.patch(`/articles/${ids[0]}?draft=true`, { token: editor.token, body: { title: 'Headed at last' } })
  expect((await headed.json()).doc.slug).toBe('headed-at-last')
})

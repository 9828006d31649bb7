import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pngBytes } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let editor: { token: string }

const OURS = 'http://localhost:3000'
const EVIL = 'http://evil.example'

beforeAll(async () => {
  t = await startPayload()
  editor = await createUser(t.payload, ['editor'])
})
afterAll(async () => t?.cleanup())

/** What a browser sends with the editor's session cookie from a page on `origin`. */
const fromPage = (origin: string | null, extra: Record<string, string> = {}) => ({
  Cookie: `payload-token=${editor.token}`,
  ...(origin && { Origin: origin }),
  ...extra,
})

const articles = async () => (await t.payload.count({ collection: 'articles' })).totalDocs
const media = async () => (await t.payload.count({ collection: 'media' })).totalDocs

async function photoForm() {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await pngBytes())], { type: 'image/png' }), 'forged.png')
  form.append('_payload', JSON.stringify({ alt: 'Forged' }))
  return form
}

async function expectForbidden(response: Response, origin = EVIL) {
  expect(response.status).toBe(403)
  const { errors } = (await response.json()) as { errors: { message: string }[] }
  expect(errors[0]?.message).toContain(`comes from ${origin}, not from ${OURS}`)
}

describe('a staff cookie sent from another site changes nothing', () => {
  it('REST JSON create, update and delete', async () => {
    const before = await articles()
    await expectForbidden(await t.rest.post('/articles?draft=true', { headers: fromPage(EVIL), body: { title: 'Forged', _status: 'draft' } }))
    expect(await articles()).toBe(before)

    const { id } = await t.payload.create({ collection: 'articles', data: { title: 'Real', _status: 'draft' }, draft: true })
    await expectForbidden(await t.rest.patch(`/articles/${id}?draft=true`, { headers: fromPage(EVIL), body: { title: 'Defaced' } }))
    await expectForbidden(await t.rest.delete(`/articles/${id}`, { headers: fromPage(EVIL) }))
    expect((await t.payload.findByID({ collection: 'articles', id, draft: true })).title).toBe('Real')
  })

  it('REST multipart upload', async () => {
    const before = await media()
    await expectForbidden(await t.rest.post('/media', { headers: fromPage(EVIL), form: await photoForm() }))
    expect(await media()).toBe(before)
  })

  it('without Origin, judged by the Referer', async () => {
    const response = await t.rest.post('/articles?draft=true', {
      headers: fromPage(null, { Referer: `${EVIL}/innocent-page` }),
      body: { title: 'Forged', _status: 'draft' },
    })
    await expectForbidden(response)
  })

  it('GraphQL mutation', async () => {
    const before = await articles()
    const result = await t.graphql('mutation { createArticle(data: { title: "Forged" }, draft: true) { id } }', { headers: fromPage(EVIL) })
    expect(result.status).toBe(403)
    expect(result.errors?.[0]?.message).toContain(`comes from ${EVIL}`)
    expect(await articles()).toBe(before)
  })
})

describe('our own admin and API clients are unaffected', () => {
  it('the same cookie from our own origin (what the admin sends)', async () => {
    const response = await t.rest.post('/articles?draft=true', { headers: fromPage(OURS), body: { title: 'From the admin', _status: 'draft' } })
    expect(response.status).toBe(201)
    const upload = await t.rest.post('/media', { headers: fromPage(OURS), form: await photoForm() })
    expect(upload.status).toBe(201)
    const result = await t.graphql('mutation { createArticle(data: { title: "From GraphQL" }, draft: true) { id } }', { headers: fromPage(OURS) })
    expect(result.errors).toBeUndefined()
  })

  it('an API client sending its token in the Authorization header, from anywhere', async () => {
    const response = await t.rest.post('/articles?draft=true', {
      token: editor.token,
      headers: { Origin: EVIL },
      body: { title: 'From a script', _status: 'draft' },
    })
    expect(response.status).toBe(201)
  })

  it('reads with the cookie from another site are not refused here (they cannot be read back)', async () => {
    expect((await t.rest.get('/articles', { headers: fromPage(EVIL) })).status).toBe(200)
  })
})

import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

// Next's request scope, played by hand: the draft-mode cookie is on or off, and the request carries
// whatever session headers the test gives it.
const request = vi.hoisted(() => ({ draft: false, headers: new Headers(), disabled: 0 }))
vi.mock('next/headers', () => ({
  draftMode: async () => ({
    isEnabled: request.draft,
    enable: () => (request.draft = true),
    disable: () => {
      request.draft = false
      request.disabled++
    },
  }),
  headers: async () => request.headers,
}))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

type Route = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>
let t: TestPayload
let articleRoute: Route
beforeAll(async () => {
  t = await startPayload()
  ;({ GET: articleRoute } = await import('@/app/(site)/articles/[slug]/route'))
  const author = await createAuthor(t.payload)
  const story = await createArticle(t.payload, { title: 'Ceasefire holds', authors: [author.id] })
  await t.payload.update({ collection: 'articles', id: story.id, data: { title: 'Ceasefire collapses' }, draft: true })
})
afterAll(async () => t?.cleanup())
beforeEach(() => {
  request.draft = false
  request.disabled = 0
  request.headers = new Headers()
})

/** The headline the article page shows, with the draft-mode cookie on and `token`'s session. */
async function headlineInDraftMode(token?: string): Promise<string | undefined> {
  request.draft = true
  request.headers = new Headers(token ? { Authorization: `JWT ${token}` } : {})
  const html = await (await articleRoute(new Request('http://localhost:3000/articles/ceasefire-holds'), { params: Promise.resolve({ slug: 'ceasefire-holds' }) })).text()
  return /<h1>([^<]*)<\/h1>/.exec(html)?.[1]
}

describe('draft mode', () => {
  it('shows a writer the latest draft while the session lives, and nothing more than a reader sees after logout', async () => {
    const writer = await createUser(t.payload, ['writer'], 'writer')
    expect(await headlineInDraftMode(writer.token)).toBe('Ceasefire collapses')
    expect(request.disabled).toBe(0)

    expect((await t.rest.post('/users/logout', { token: writer.token })).status).toBe(200)
    expect(await headlineInDraftMode(writer.token)).toBe('Ceasefire holds')
    // The stale cookie is cleared.
    expect(request.disabled).toBe(1)
  })

  it('is worthless once the account is deleted', async () => {
    const writer = await createUser(t.payload, ['writer'], 'doomed-writer')
    expect(await headlineInDraftMode(writer.token)).toBe('Ceasefire collapses')
    await t.payload.delete({ collection: 'users', id: writer.id })
    expect(await headlineInDraftMode(writer.token)).toBe('Ceasefire holds')
  })

  it('is worthless without a session: the cookie alone reads the published version', async () => {
    expect(await headlineInDraftMode()).toBe('Ceasefire holds')
    expect(request.disabled).toBe(1)
  })
})

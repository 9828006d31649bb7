import { createLocalReq } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Article, Author, User } from '@/payload-types'
import { deskOverview } from '@/lib/content/desk'
import { recordIncompletePhotos } from '@/collections/Media/hooks/mark-incomplete'
import { graphqlId } from './support/database'
import { createArticle, createAuthor, pngBytes } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

// Next's request scope for the reader routes: draft mode on or off, and the session headers given.
const request = vi.hoisted(() => ({ draft: false, headers: new Headers() }))
vi.mock('next/headers', () => ({
  draftMode: async () => ({ isEnabled: request.draft, enable: () => (request.draft = true), disable: () => (request.draft = false) }),
  headers: async () => request.headers,
}))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
type Account = { id: User['id']; token: string; email: string }

let t: TestPayload
let author: Author
let editor: Account
let otherEditor: Account
let writer: Account
let otherWriter: Account
let articleRoute: Route<{ slug: string }>
let feedRoute: Route<object>

beforeAll(async () => {
  t = await startPayload()
  await createUser(t.payload, ['admin'], 'admin')
  editor = await createUser(t.payload, ['editor'], 'desk-editor')
  otherEditor = await createUser(t.payload, ['editor'], 'night-editor')
  writer = await createUser(t.payload, ['writer'], 'desk-writer')
  otherWriter = await createUser(t.payload, ['writer'], 'other-writer')
  author = await createAuthor(t.payload, 'Desk Byline')
  ;({ GET: articleRoute } = await import('@/app/(site)/articles/[slug]/route'))
  ;({ GET: feedRoute } = await import('@/app/(site)/feed.xml/route'))
})
afterAll(async () => t?.cleanup())
beforeEach(() => {
  request.draft = false
  request.headers = new Headers()
})

/** The latest version, as staff read it (the Local API without a user reads as a reader would). */
const draftOf = async (id: Article['id']): Promise<Article> =>
  (await t.rest.get(`/articles/${id}?draft=true&depth=0`, { token: editor.token })).json()
const patch = (id: Article['id'], token: string, body: object, query = '?draft=true') =>
  t.rest.patch(`/articles/${id}${query}`, { token, body })
/** The refusal's message(s), as the admin's toast shows them. */
const errorText = async (response: Response) => ((await response.json()).errors as { message: string }[]).map((error) => error.message).join(' ')

// First, so that its counts see only its own stories.
describe('the dashboard’s reads', () => {
  it('put each story in its stage’s column (oldest first), list assignments, overdue, held, published and photos to fix', async () => {
    const user = (await t.payload.findByID({ collection: 'users', id: editor.id })) as User
    const make = (title: string, data: Partial<Article> = {}, status: 'draft' | 'published' = 'draft') =>
      createArticle(t.payload, { title, ...data }, status)
    await make('Oldest waiting', { stage: 'ready-for-edit' })
    await make('Newer waiting', { stage: 'ready-for-edit', assignee: editor.id, dueAt: new Date(Date.now() - 3_600_000).toISOString() })
    await make('Being edited', { stage: 'editing', assignee: editor.id, dueAt: new Date(Date.now() + 3_600_000).toISOString() })
    await make('Held back', { legalHold: true, legalHoldReason: 'Injunction' })
    await make('Embargoed', { embargoUntil: new Date(Date.now() + 3_600_000).toISOString() })
    await make('Already out', { stage: 'ready-to-publish', authors: [author.id] }, 'published')
    const png = await pngBytes()
    const uncredited = await t.payload.create({
      collection: 'media',
      data: { alt: 'A harbour at dusk' },
      file: { data: png, mimetype: 'image/png', name: 'uncredited.png', size: png.length },
    })
    await t.payload.create({
      collection: 'media',
      data: { alt: 'A credited harbour', credit: { creator: 'Jane Doe' } },
      file: { data: png, mimetype: 'image/png', name: 'credited.png', size: png.length },
    })

    const desk = await deskOverview(t.payload, user)
    const column = (stage: string) => desk.stages.find((c) => c.stage === stage)!
    expect(column('ready-for-edit')).toMatchObject({ count: 2, oldest: [{ title: 'Oldest waiting' }, { title: 'Newer waiting', assignee: 'desk-editor' }] })
    expect(column('editing')).toMatchObject({ count: 1, oldest: [{ title: 'Being edited' }] })
    expect(column('writing').count).toBe(2)
    expect(column('ready-to-publish').count).toBe(0)
    expect(desk.mine.items.map((a) => a.title)).toEqual(['Newer waiting', 'Being edited'])
    expect(desk.overdue.items.map((a) => a.title)).toEqual(['Newer waiting'])
    expect(desk.held.items.map((a) => [a.title, a.note])).toEqual(
      expect.arrayContaining([
        ['Held back', 'legal hold: Injunction'],
        ['Embargoed', expect.stringMatching(/^embargoed until /)],
      ]),
    )
    expect(desk.held.count).toBe(2)
    expect(desk.recentlyPublished.map((a) => a.title)).toEqual(['Already out'])
    expect(desk.photos).toEqual([{ id: uncredited.id, filename: expect.stringMatching(/^uncredited/), missing: ['credit'] }])
  })

  it('know a photo to fix by the flag the server keeps: it follows the credit, no request sets it, readers never see it', async () => {
    const user = (await t.payload.findByID({ collection: 'users', id: editor.id })) as User
    const png = await pngBytes()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'flagged.png')
    form.append('_payload', JSON.stringify({ alt: 'A quay in fog', incomplete: false }))
    const created = await t.rest.post('/media', { token: editor.token, form })
    expect(created.status).toBe(201)
    const photo = (await created.json()).doc
    // What the request said is dropped: the photo has no credit.
    expect(photo.incomplete).toBe(true)
    expect((await deskOverview(t.payload, user)).photos.map((p) => p.id)).toContain(photo.id)

    const credited = await t.rest.patch(`/media/${photo.id}`, { token: editor.token, body: { credit: { provider: 'AFP' }, incomplete: true } })
    expect((await credited.json()).doc).toMatchObject({ incomplete: false, credit: { provider: 'AFP' } })
    expect((await deskOverview(t.payload, user)).photos.map((p) => p.id)).not.toContain(photo.id)
    const gql = await t.graphql(`mutation { updateMedia(id: ${graphqlId(photo.id)}, data: { incomplete: true, caption: "Fog" }) { incomplete caption } }`, { token: editor.token })
    expect(gql.data?.updateMedia).toEqual({ incomplete: false, caption: 'Fog' })

    // A photo stored before the flag, as the migrations find it, gets it back.
    const req = await createLocalReq({}, t.payload)
    await t.payload.db.updateMany({ collection: 'media', where: { id: { in: [photo.id] } }, data: { incomplete: null }, req })
    await recordIncompletePhotos(t.payload, req)
    expect((await t.payload.findByID({ collection: 'media', id: photo.id, depth: 0 })).incomplete).toBe(false)
    const uncredited = (await t.payload.find({ collection: 'media', where: { filename: { like: 'uncredited' } }, depth: 0 })).docs[0]!
    expect(uncredited.incomplete).toBe(true)

    // Shown to readers (as an author's portrait), the photo reads without the flag.
    await t.payload.create({ collection: 'authors', data: { name: 'Fog Portrait', photo: photo.id } })
    const read = await t.rest.get(`/media/${photo.id}`)
    expect(read.status).toBe(200)
    expect(await read.json()).not.toHaveProperty('incomplete')
  })
})

describe('stages', () => {
  it('let a writer send their own draft to Ready for edit and take it back, recording each move', async () => {
    const story = await createArticle(t.payload, { title: 'Council budget', createdBy: writer.id }, 'draft')
    expect(story.stage).toBe('writing')
    expect((await patch(story.id, writer.token, { stage: 'ready-for-edit' })).status).toBe(200)
    expect((await patch(story.id, writer.token, { stage: 'writing' })).status).toBe(200)
    expect((await patch(story.id, writer.token, { stage: 'ready-for-edit' })).status).toBe(200)
    const saved = await draftOf(story.id)
    expect(saved.stage).toBe('ready-for-edit')
    expect(saved.stageHistory?.map(({ from, to, by }) => ({ from, to, by }))).toEqual([
      { from: 'writing', to: 'ready-for-edit', by: writer.id },
      { from: 'ready-for-edit', to: 'writing', by: writer.id },
      { from: 'writing', to: 'ready-for-edit', by: writer.id },
    ])
    expect(new Date(saved.stageHistory![0]!.at).getTime()).toBeGreaterThan(Date.now() - 60_000)
  })

  it('refuse a writer any other move with a 403 that says what is allowed', async () => {
    const story = await createArticle(t.payload, { title: 'Ferry strike', createdBy: writer.id }, 'draft')
    const response = await patch(story.id, writer.token, { stage: 'ready-to-publish' })
    expect(response.status).toBe(403)
    expect(await errorText(response)).toContain('Writers may move their own drafts Writing → Ready for edit or Ready for edit → Writing only')
    expect((await draftOf(story.id)).stage).toBe('writing')

    // Nor may a writer start a draft further along, or move someone else's.
    const created = await t.rest.post('/articles?draft=true', { token: writer.token, body: { title: 'Skipping the desk', stage: 'editing' } })
    expect(created.status).toBe(403)
    expect((await patch(story.id, otherWriter.token, { stage: 'ready-for-edit' })).status).toBe(403)
    expect((await draftOf(story.id)).stage).toBe('writing')
  })

  it('let an editor move anything anywhere, and refuse a value that is not a stage with a 400 naming it', async () => {
    const story = await createArticle(t.payload, { title: 'Port deal', createdBy: writer.id }, 'draft')
    for (const stage of ['ready-to-publish', 'editing', 'writing'] as const) {
      expect((await patch(story.id, editor.token, { stage })).status).toBe(200)
    }
    expect((await draftOf(story.id)).stageHistory?.map(({ to, by }) => ({ to, by }))).toEqual([
      { to: 'ready-to-publish', by: editor.id },
      { to: 'editing', by: editor.id },
      { to: 'writing', by: editor.id },
    ])
    const bad = await patch(story.id, editor.token, { stage: 'spiked' })
    expect(bad.status).toBe(400)
    expect(await errorText(bad)).toContain('stage must be one of "writing", "ready-for-edit", "editing", "ready-to-publish"; "spiked" is not.')
  })

  it('keep the history out of reach of requests: what is sent for it is ignored', async () => {
    const story = await createArticle(t.payload, { title: 'Forged history', createdBy: writer.id }, 'draft')
    const forged = [{ from: 'editing', to: 'ready-to-publish', by: editor.id, at: new Date().toISOString() }]
    expect((await patch(story.id, writer.token, { stageHistory: forged })).status).toBe(200)
    expect((await draftOf(story.id)).stageHistory).toEqual([])
  })
})

describe('what readers never see', () => {
  let story: Article
  let NOTE: string
  let noteId: number | string

  beforeAll(async () => {
    NOTE = `Lawyer says the second paragraph is risky; check with @${editor.email.split('@')[0]} first.`
    story = await createArticle(t.payload, {
      title: 'Harbour inquiry',
      slug: 'harbour-inquiry',
      authors: [author.id],
      stage: 'ready-to-publish',
      assignee: editor.id,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    })
    const note = await t.rest.post('/notes', { token: writer.token, body: { article: story.id, body: NOTE } })
    expect(note.status).toBe(201)
    noteId = (await note.json()).doc.id
  })

  const DESK_KEYS = ['stage', 'assignee', 'dueAt', 'legalHold', 'legalHoldReason', 'notForPublication', 'embargoUntil']
  /** None of the desk's fields; the history, an array, comes back empty at most (Payload keeps the key). */
  const expectNoDeskData = (doc: Record<string, unknown>) => {
    for (const key of DESK_KEYS) expect(doc).not.toHaveProperty(key)
    expect(doc.stageHistory ?? []).toEqual([])
  }

  it('stage, history, assignment, holds and notes: not over REST by id or in a list', async () => {
    const byId = await (await t.rest.get(`/articles/${story.id}?depth=2`)).json()
    expect(byId.title).toBe('Harbour inquiry')
    expectNoDeskData(byId)
    const list = await (await t.rest.get('/articles?depth=2&draft=true')).json()
    expect(list.docs.map((doc: Article) => doc.title)).toContain('Harbour inquiry')
    for (const doc of list.docs) expectNoDeskData(doc)
    expect(JSON.stringify(list)).not.toContain('Lawyer says')
    // Staff see them.
    const staff = await (await t.rest.get(`/articles/${story.id}`, { token: editor.token })).json()
    expect(staff).toMatchObject({ stage: 'ready-to-publish', assignee: expect.objectContaining({ id: editor.id }) })
    expect(JSON.stringify(staff)).not.toContain('Lawyer says')
    // The thread is the notes collection's, for staff only.
    const thread = await (await t.rest.get(`/notes?where[article][equals]=${story.id}`, { token: writer.token })).json()
    expect(thread.docs.map((note: { body: string }) => note.body)).toEqual([NOTE])
    expect(staff.stageHistory).toEqual([expect.objectContaining({ from: null, to: 'ready-to-publish' })])
  })

  it('nor filtered or sorted on by a reader', async () => {
    for (const query of ['where[stage][equals]=ready-to-publish', 'where[assignee][exists]=true', 'where[legalHold][equals]=false', 'where[stageHistory.by][exists]=true']) {
      const response = await t.rest.get(`/articles?${query}`)
      expect(response.status, query).toBe(400)
      expect(await errorText(response)).toMatch(/cannot be queried/i)
    }
    const sorted = await t.rest.get('/articles?sort=stage')
    expect(JSON.stringify(await sorted.json())).not.toMatch(/ready-to-publish/)
  })

  it('nor over GraphQL, where the fields come back empty and filtering on them is refused', async () => {
    const gql = await t.graphql(
      `{ Article(id: ${graphqlId(story.id)}) { title stage assignee { id } dueAt legalHold embargoUntil stageHistory { to } } }`,
    )
    expect(gql.data?.Article).toMatchObject({ title: 'Harbour inquiry' })
    for (const key of ['stage', 'assignee', 'dueAt', 'legalHold', 'embargoUntil']) {
      expect(gql.data?.Article[key] ?? null, key).toBeNull()
    }
    expect(gql.data?.Article.stageHistory ?? []).toEqual([])
    const filtered = await t.graphql('{ Articles(where: { stage: { equals: ready_to_publish } }) { docs { title } } }')
    expect(filtered.data?.Articles?.docs ?? []).toEqual([])
    const notes = await t.graphql('{ Notes { docs { body } } }')
    expect(notes.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('nor in versions, the notes collection, the page, the feed or its JSON-LD', async () => {
    expect((await t.rest.get(`/articles/versions?where[parent][equals]=${story.id}`)).status).toBe(403)
    expect((await t.rest.get('/notes')).status).toBe(403)
    expect((await t.rest.get(`/notes/${noteId}`)).status).toBe(403)
    const gqlNote = await t.graphql(`{ Note(id: ${graphqlId(noteId)}) { body } }`)
    expect(gqlNote.data?.Note ?? null).toBeNull()
    expect((await t.rest.get(`/notes?where[article][equals]=${story.id}`)).status).toBe(403)
    const page = await (await articleRoute(new Request('http://localhost:3000/articles/harbour-inquiry'), { params: Promise.resolve({ slug: 'harbour-inquiry' }) })).text()
    expect(page).toContain('Harbour inquiry')
    expect(page).toContain('application/ld+json')
    const feed = await (await feedRoute(new Request('http://localhost:3000/feed.xml'), { params: Promise.resolve({}) })).text()
    expect(feed).toContain('Harbour inquiry')
    for (const text of [page, feed]) {
      expect(text).not.toContain('Lawyer says')
      expect(text).not.toMatch(/ready-to-publish|Ready to publish|desk-editor/)
    }
  })
})

describe('notes', () => {
  it('take their author from the session and resolve @mentions to users', async () => {
    const story = await createArticle(t.payload, { title: 'Mentioned story' }, 'draft')
    const handle = writer.email.split('@')[0]
    const response = await t.rest.post('/notes', {
      token: editor.token,
      body: { article: story.id, body: `@${handle} can you check the figures? cc @${otherEditor.email.split('@')[0]}.`, author: writer.id },
    })
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    expect(doc.author.id ?? doc.author).toBe(editor.id)
    expect(doc.mentions.map((user: { id: unknown } | unknown) => (typeof user === 'object' ? (user as { id: unknown }).id : user))).toEqual([writer.id, otherEditor.id])
    // The writer's desk shows the note among the mentions, linked to the article.
    const desk = await deskOverview(t.payload, (await t.payload.findByID({ collection: 'users', id: writer.id })) as User)
    expect(desk.mentions[0]).toMatchObject({ noteId: doc.id, articleId: story.id, body: expect.stringContaining('can you check the figures?') })
  })

  it('refuse a mention of no one, naming it, and let only its author edit a note', async () => {
    const story = await createArticle(t.payload, { title: 'Quiet story' }, 'draft')
    const unknown = await t.rest.post('/notes', { token: writer.token, body: { article: story.id, body: 'Ask @nobody-here about it' } })
    expect(unknown.status).toBe(400)
    expect(await errorText(unknown)).toContain('No one on the staff is @nobody-here')

    const { doc } = await (await t.rest.post('/notes', { token: writer.token, body: { article: story.id, body: 'First thought' } })).json()
    expect((await t.rest.patch(`/notes/${doc.id}`, { token: otherWriter.token, body: { body: 'Rewritten' } })).status).toBe(403)
    expect((await t.rest.patch(`/notes/${doc.id}`, { token: writer.token, body: { body: 'Second thought' } })).status).toBe(200)
    expect((await t.payload.findByID({ collection: 'notes', id: doc.id })).body).toBe('Second thought')

    // The thread goes with its article.
    expect((await t.rest.delete(`/articles/${story.id}`, { token: editor.token })).status).toBe(200)
    expect((await t.payload.find({ collection: 'notes', where: { article: { equals: story.id } } })).totalDocs).toBe(0)
  })
})

describe('holds and embargoes', () => {
  const held = async (data: Partial<Article>) =>
    createArticle(t.payload, { title: `Held ${Math.random().toString(36).slice(2, 7)}`, authors: [author.id], ...data }, 'draft')

  it('refuse publishing a story on legal hold over REST and GraphQL, saying why; an editor clears it', async () => {
    const story = await held({ legalHold: true, legalHoldReason: 'Injunction pending' })
    const rest = await patch(story.id, editor.token, { _status: 'published' }, '')
    expect(rest.status).toBe(400)
    expect(await errorText(rest)).toContain('Cannot publish: this article is on legal hold (Injunction pending); an editor must clear the hold first.')
    const gql = await t.graphql(`mutation { updateArticle(id: ${graphqlId(story.id)}, data: { _status: published }) { _status } }`, { token: editor.token })
    expect(gql.errors?.[0]?.message).toContain('on legal hold (Injunction pending)')
    expect((await draftOf(story.id))._status).toBe('draft')

    // A writer cannot clear it (the field ignores them); an editor can, and then it publishes.
    await patch(story.id, editor.token, { stage: 'writing' })
    await t.payload.update({ collection: 'articles', id: story.id, data: { createdBy: writer.id }, draft: true })
    expect((await patch(story.id, writer.token, { legalHold: false })).status).toBe(200)
    expect((await draftOf(story.id)).legalHold).toBe(true)
    expect((await patch(story.id, editor.token, { legalHold: false, _status: 'published' }, '')).status).toBe(200)
  })

  it('need a reason for a legal hold, and keep a published story from being saved as published once held', async () => {
    const live = await createArticle(t.payload, { title: 'Live then held', authors: [author.id] })
    const noReason = await patch(live.id, editor.token, { legalHold: true }, '')
    expect(noReason.status).toBe(400)
    expect(await errorText(noReason)).toContain('A legal hold needs its reason')
    const published = await patch(live.id, editor.token, { legalHold: true, legalHoldReason: 'Complaint' }, '')
    expect(published.status).toBe(400)
    // Taken down instead: unpublishing with the hold is allowed.
    expect((await patch(live.id, editor.token, { legalHold: true, legalHoldReason: 'Complaint', _status: 'draft' }, '')).status).toBe(200)
    expect((await t.rest.get(`/articles/${live.id}`)).status).toBe(404)
  })

  it('refuse "not for publication" on the Local API too (the importer\'s and scripts\' door)', async () => {
    const story = await held({ notForPublication: true })
    await expect(t.payload.update({ collection: 'articles', id: story.id, data: { _status: 'published' } })).rejects.toThrow(
      'Cannot publish: this article is marked not for publication.',
    )
    await expect(
      createArticle(t.payload, { title: 'Straight in', authors: [author.id], notForPublication: true }),
    ).rejects.toThrow(/not for publication/)
  })

  it('refuse publishing before the embargo, allow it after', async () => {
    const until = new Date(Date.now() + 3_600_000)
    const story = await held({ embargoUntil: until.toISOString() })
    const early = await patch(story.id, editor.token, { _status: 'published' }, '')
    expect(early.status).toBe(400)
    expect(await errorText(early)).toContain(`embargoed until ${until.toISOString()}; it cannot be published before then`)
    const past = await held({ embargoUntil: new Date(Date.now() - 1000).toISOString() })
    expect((await patch(past.id, editor.token, { _status: 'published' }, '')).status).toBe(200)
  })

  it('never show an embargoed story to a reader, through a preview link either; staff preview it', async () => {
    const story = await held({ slug: 'embargoed-results', title: 'Embargoed results', embargoUntil: new Date(Date.now() + 3_600_000).toISOString() })
    const page = async (token?: string) => {
      request.draft = true
      request.headers = new Headers(token ? { Authorization: `JWT ${token}` } : {})
      const response = await articleRoute(new Request('http://localhost:3000/articles/embargoed-results'), { params: Promise.resolve({ slug: 'embargoed-results' }) })
      return { status: response.status, text: await response.text() }
    }
    const reader = await page()
    expect(reader.status).toBe(404)
    expect(reader.text).not.toContain('Embargoed results')
    expect((await page(editor.token)).text).toContain('Embargoed results')
    expect((await t.rest.get(`/articles/${story.id}?draft=true`)).status).toBe(404)
  })

  describe('scheduled publishing', () => {
    async function schedule(userId: User['id'], args: Record<string, unknown>) {
      const user = await t.payload.findByID({ collection: 'users', id: userId })
      const req = await createLocalReq({ user: { ...user, collection: 'users' } }, t.payload)
      const { adminServerFunctions } = await import('@/admin/server-functions')
      return adminServerFunctions['schedule-publish']({ ...args, req } as Parameters<(typeof adminServerFunctions)['schedule-publish']>[0])
    }

    it('refuses, when it is scheduled, a publish earlier than the embargo or of a held story', async () => {
      const until = new Date(Date.now() + 2 * 3_600_000)
      const story = await held({ embargoUntil: until.toISOString() })
      const doc = { relationTo: 'articles', value: story.id }
      await expect(schedule(editor.id, { type: 'publish', doc, date: new Date(Date.now() + 3_600_000) })).rejects.toThrow(
        `this article is embargoed until ${until.toISOString()}. Schedule it for then or later.`,
      )
      expect(await schedule(editor.id, { type: 'publish', doc, date: new Date(until.getTime() + 60_000) })).toEqual({ message: expect.any(String) })

      const onHold = await held({ legalHold: true, legalHoldReason: 'Court order' })
      await expect(schedule(editor.id, { type: 'publish', doc: { relationTo: 'articles', value: onHold.id }, date: new Date(Date.now() + 3_600_000) })).rejects.toThrow(
        'Cannot schedule publishing: this article is on legal hold (Court order)',
      )
    })

    it('fails a due job on a story put on hold since, visibly and with the reason, and does not retry it', async () => {
      const story = await held({})
      const job = await t.payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'publish', doc: { relationTo: 'articles', value: story.id }, user: { relationTo: 'users', value: editor.id } },
        waitUntil: new Date(Date.now() - 1000),
      })
      await t.payload.update({ collection: 'articles', id: story.id, data: { legalHold: true, legalHoldReason: 'Privacy complaint' }, draft: true })
      await t.payload.jobs.run()
      await t.payload.jobs.run()
      const ran = await t.payload.findByID({ collection: 'payload-jobs', id: job.id })
      expect(ran).toMatchObject({ hasError: true, totalTried: 1 })
      expect(JSON.stringify(ran.log)).toContain('on legal hold (Privacy complaint)')
      expect((await draftOf(story.id))._status).toBe('draft')

      // And the dashboard lists it among the failed schedules, with the reason.
      const desk = await deskOverview(t.payload, (await t.payload.findByID({ collection: 'users', id: editor.id })) as User)
      expect(desk.failedSchedules).toContainEqual(expect.objectContaining({ articleId: story.id, error: expect.stringContaining('legal hold') }))
    })
  })
})

describe('document locking', () => {
  it('refuses a second editor’s save while the first has the article open, and names who has it', async () => {
    const story = await createArticle(t.payload, { title: 'Locked story' }, 'draft')
    const lock = await t.rest.post('/payload-locked-documents', {
      token: editor.token,
      body: { document: { relationTo: 'articles', value: story.id }, user: { relationTo: 'users', value: editor.id } },
    })
    expect(lock.status).toBe(201)
    const second = await patch(story.id, otherEditor.token, { title: 'Overwritten' })
    expect(second.status).toBe(423)
    const locks = await (await t.rest.get(`/payload-locked-documents?where[document.value][equals]=${story.id}&depth=1`, { token: otherEditor.token })).json()
    expect(locks.docs[0].user.value).toMatchObject({ id: editor.id, name: 'desk-editor' })
    expect((await draftOf(story.id)).title).toBe('Locked story')
  })
})

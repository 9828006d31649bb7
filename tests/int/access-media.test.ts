import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAllPhotoVisibility } from '@/hooks/photo-visibility'
import { paragraphsToLexical } from '@/lib/text/lexical'
import type { Media, User } from '@/payload-types'
import { graphqlId } from './support/database'
import { createArticle, createAuthor, pngBytes } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let editor: { id: User['id']; token: string }
let writer: { id: User['id']; token: string }
let authorId: number
beforeAll(async () => {
  t = await startPayload()
  editor = await createUser(t.payload, ['editor'], 'editor')
  writer = await createUser(t.payload, ['writer'], 'writer')
  authorId = (await createAuthor(t.payload)).id
})
afterAll(async () => t?.cleanup())

/** Uploads a photo over REST as `token`'s user. */
async function upload(token: string, data: Record<string, unknown> = {}): Promise<Media> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await pngBytes(1300, 700))], { type: 'image/png' }), 'photo.png')
  form.append('_payload', JSON.stringify({ alt: 'Rubble in the square', credit: { provider: 'AFP' }, ...data }))
  const response = await t.rest.post('/media', { token, form })
  expect(response.status).toBe(201)
  return (await response.json()).doc
}

const bodyWithPhoto = (photo: number) => {
  const body = paragraphsToLexical(['A body with a photo.']) as { root: { children: unknown[] } }
  body.root.children.push({ type: 'upload', relationTo: 'media', value: photo, fields: {}, format: '', id: '6650f1c2a3b4c5d6e7f80912', version: 3 })
  return body as never
}

/** Changes the caption over REST and GraphQL; says which of the two were allowed. */
async function editCaption(token: string, photo: Media['id']) {
  const rest = await t.rest.patch(`/media/${photo}`, { token, body: { caption: 'Changed over REST' } })
  const gql = await t.graphql(`mutation { updateMedia(id: ${graphqlId(photo)}, data: { caption: "Changed over GraphQL" }) { caption } }`, { token })
  return { rest: rest.status, graphql: gql.errors?.[0]?.message ?? gql.data?.updateMedia?.caption }
}

describe('editing photos', () => {
  it('records who uploaded a photo, whatever the request says', async () => {
    const photo = await upload(writer.token, { createdBy: editor.id })
    const stored = await t.payload.findByID({ collection: 'media', id: photo.id, depth: 0 })
    expect(stored.createdBy).toBe(writer.id)
  })

  it('lets writers edit their own unpublished photos, not other people’s', async () => {
    const own = await upload(writer.token)
    expect(await editCaption(writer.token, own.id)).toEqual({ rest: 200, graphql: 'Changed over GraphQL' })
    const editors = await upload(editor.token)
    expect(await editCaption(writer.token, editors.id)).toEqual({ rest: 403, graphql: expect.stringMatching(/not allowed/i) })
    expect((await t.payload.findByID({ collection: 'media', id: editors.id })).caption ?? null).toBeNull()
  })

  it('stops writers editing their own photo once a published article shows it, as lead image or in the body; editors still may', async () => {
    const lead = await upload(writer.token)
    const inBody = await upload(writer.token)
    await createArticle(t.payload, { title: 'Lead photo story', authors: [authorId], leadImage: lead.id })
    await createArticle(t.payload, { title: 'Body photo story', authors: [authorId], body: bodyWithPhoto(inBody.id) })
    for (const photo of [lead, inBody]) {
      expect(await editCaption(writer.token, photo.id)).toEqual({ rest: 403, graphql: expect.stringMatching(/not allowed/i) })
      expect((await t.payload.findByID({ collection: 'media', id: photo.id })).caption ?? null).toBeNull()
      expect(await editCaption(editor.token, photo.id)).toEqual({ rest: 200, graphql: 'Changed over GraphQL' })
    }
  })

  it('lets writers edit their photo in a draft, which is not published', async () => {
    const photo = await upload(writer.token)
    await createArticle(t.payload, { title: 'Draft with photo', authors: [authorId], leadImage: photo.id, createdBy: writer.id }, 'draft')
    expect((await editCaption(writer.token, photo.id)).rest).toBe(200)
  })
})

describe('embargoed photos', () => {
  /** What an anonymous reader gets of the photo: the document (REST, GraphQL) and its files. */
  async function readerSees(photo: Media) {
    const rest = await t.rest.get(`/media/${photo.id}`)
    const list = (await (await t.rest.get('/media?limit=100')).json()).docs.map((doc: Media) => doc.id)
    const gql = await t.graphql(`{ Media(id: ${graphqlId(photo.id)}) { id } allMedia(limit: 100) { docs { id } } }`)
    const files = [photo.filename, photo.sizes?.card?.filename, photo.sizes?.social?.filename]
    expect(files.every(Boolean)).toBe(true)
    const fileStatuses = await Promise.all(files.map(async (name) => (await t.rest.get(`/media/file/${name}`)).status))
    return {
      rest: rest.status,
      listed: list.includes(photo.id),
      graphql: gql.data?.Media?.id === photo.id,
      graphqlListed: (gql.data?.allMedia?.docs ?? []).some((doc: { id: number }) => doc.id === photo.id),
      files: fileStatuses,
    }
  }
  const hidden = { rest: 404, listed: false, graphql: false, graphqlListed: false, files: [404, 404, 404] }
  const shown = { rest: 200, listed: true, graphql: true, graphqlListed: true, files: [200, 200, 200] }

  it('keeps a fresh upload and an embargoed draft’s photos from readers, not from staff', async () => {
    const fresh = await upload(editor.token)
    expect(await readerSees(fresh)).toEqual(hidden)
    const embargoed = await upload(editor.token)
    await createArticle(t.payload, { title: 'Embargoed story', authors: [authorId], leadImage: embargoed.id }, 'draft')
    expect(await readerSees(embargoed)).toEqual(hidden)
    expect((await t.rest.get(`/media/${embargoed.id}`, { token: writer.token })).status).toBe(200)
    expect((await t.rest.get(`/media/file/${embargoed.filename}`, { token: writer.token })).status).toBe(200)
  })

  it('shows the photos once the article is published, populated in the article, and hides them again on unpublish', async () => {
    const lead = await upload(editor.token)
    const inBody = await upload(editor.token)
    const story = await createArticle(
      t.payload,
      { title: 'Embargo lifts', authors: [authorId], leadImage: lead.id, body: bodyWithPhoto(inBody.id) },
      'draft',
    )
    const publish = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(publish.status).toBe(200)
    expect(await readerSees(lead)).toEqual(shown)
    expect(await readerSees(inBody)).toEqual(shown)
    // As the reader site reads it: access control on, no user, the lead photo populated.
    const { docs } = await t.payload.find({ collection: 'articles', where: { id: { equals: story.id } }, depth: 1, overrideAccess: false })
    expect(docs[0]?.leadImage).toMatchObject({ id: lead.id, alt: 'Rubble in the square' })

    // A draft on top of the published article changes nothing readers see.
    await t.rest.patch(`/articles/${story.id}?draft=true`, { token: editor.token, body: { leadImage: null } })
    expect(await readerSees(lead)).toEqual(shown)

    const unpublish = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { _status: 'draft' } })
    expect(unpublish.status).toBe(200)
    expect(await readerSees(lead)).toEqual(hidden)
    expect(await readerSees(inBody)).toEqual(hidden)
  })

  it('keeps a photo shown while another published article still uses it, and hides it when that one is deleted', async () => {
    const photo = await upload(editor.token)
    const first = await createArticle(t.payload, { title: 'First use', authors: [authorId], leadImage: photo.id })
    const second = await createArticle(t.payload, { title: 'Second use', authors: [authorId], leadImage: photo.id })
    await t.rest.patch(`/articles/${first.id}`, { token: editor.token, body: { _status: 'draft' } })
    expect(await readerSees(photo)).toEqual(shown)
    expect((await t.rest.delete(`/articles/${second.id}`, { token: editor.token })).status).toBe(200)
    expect(await readerSees(photo)).toEqual(hidden)
  })

  it('shows authors’ portraits', async () => {
    const portrait = await upload(editor.token)
    const created = await t.rest.post('/authors', { token: editor.token, body: { name: 'Zeina Khodr', photo: portrait.id } })
    expect(created.status).toBe(201)
    expect(await readerSees(portrait)).toEqual(shown)
    await t.rest.delete(`/authors/${(await created.json()).doc.id}`, { token: editor.token })
    expect(await readerSees(portrait)).toEqual(hidden)
  })

  it('are recorded afresh for a database from before photos were tracked (the migration), keeping the rest of the article', async () => {
    const lead = await upload(editor.token)
    const unused = await upload(editor.token)
    const story = await createArticle(t.payload, { title: 'Old story', authors: [authorId], leadImage: lead.id })
    const req = await createLocalReq({}, t.payload)
    // As the migration finds them: no photos recorded, none shown.
    await t.payload.db.updateOne({ collection: 'articles', id: story.id, data: { photos: [] }, req })
    await t.payload.db.updateMany({ collection: 'media', where: { id: { in: [lead.id, unused.id] } }, data: { shownToReaders: false }, req })
    expect(await readerSees(lead)).toEqual(hidden)

    await recordAllPhotoVisibility(t.payload, req)
    expect(await readerSees(lead)).toEqual(shown)
    expect(await readerSees(unused)).toEqual(hidden)
    const stored = await t.payload.findByID({ collection: 'articles', id: story.id, depth: 0 })
    expect(stored).toMatchObject({ photos: [lead.id], authors: [authorId], leadImage: lead.id, title: 'Old story' })
  })

  it('cannot be shown by a request', async () => {
    const photo = await upload(editor.token, { shownToReaders: true })
    await t.rest.patch(`/media/${photo.id}`, { token: editor.token, body: { shownToReaders: true } })
    expect(await readerSees(photo)).toEqual(hidden)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Media, User } from '@/payload-types'
import { createAuthor, pngBytes } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let admin: { id: User['id']; token: string }
let editor: { id: User['id']; token: string }
let writer: { id: User['id']; token: string }
let mediaId: Media['id']

beforeAll(async () => {
  t = await startPayload()
  admin = await createUser(t.payload, ['admin'], 'admin')
  editor = await createUser(t.payload, ['editor'], 'editor')
  writer = await createUser(t.payload, ['writer'], 'writer')
  const author = await createAuthor(t.payload, 'Ahmed Mohammed')
  const media = await t.payload.create({
    collection: 'media',
    data: { alt: 'A grey test card', credit: { creator: 'Abdulaziz KETAZ', provider: 'AFP' } },
    file: { data: await pngBytes(), mimetype: 'image/png', name: 'card.png', size: 0 },
  })
  mediaId = media.id
  // His portrait: readers may see it.
  await t.payload.update({ collection: 'authors', id: author.id, data: { photo: mediaId } })
})
afterAll(async () => t?.cleanup())

function photoForm(data: Record<string, unknown>, bytes: Buffer, name = 'photo.png', type = 'image/png'): FormData {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  form.append('_payload', JSON.stringify(data))
  return form
}

describe('anonymous readers', () => {
  it('read authors and media over REST and GraphQL', async () => {
    const authors = await (await t.rest.get('/authors')).json()
    expect(authors.docs.map((a: { name: string }) => a.name)).toEqual(['Ahmed Mohammed'])
    const media = await (await t.rest.get(`/media/${mediaId}`)).json()
    expect(media.credit).toMatchObject({ creator: 'Abdulaziz KETAZ', provider: 'AFP', line: 'Abdulaziz KETAZ / AFP' })
    const gql = await t.graphql('{ Authors { docs { name slug } } allMedia { docs { alt credit { line } } } }')
    expect(gql.errors).toBeUndefined()
    expect(gql.data?.Authors.docs).toEqual([{ name: 'Ahmed Mohammed', slug: 'ahmed-mohammed' }])
    expect(gql.data?.allMedia.docs[0].credit.line).toBe('Abdulaziz KETAZ / AFP')
  })

  it('cannot list or read users over REST or GraphQL', async () => {
    expect((await t.rest.get('/users')).status).toBe(403)
    expect((await t.rest.get(`/users/${admin.id}`)).status).toBe(403)
    const gql = await t.graphql('{ Users { docs { email } } }')
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(gql.data?.Users ?? null).toBeNull()
  })

  it('cannot write authors, media or users', async () => {
    expect((await t.rest.post('/authors', { body: { name: 'Impostor' } })).status).toBe(403)
    expect((await t.rest.patch(`/media/${mediaId}`, { body: { alt: 'defaced' } })).status).toBe(403)
    expect((await t.rest.delete(`/media/${mediaId}`)).status).toBe(403)
    const upload = await t.rest.post('/media', { form: photoForm({ alt: 'x' }, await pngBytes()) })
    expect(upload.status).toBe(403)
    const user = await t.rest.post('/users', { body: { email: 'x@y.z', password: 'tangerine-voltage-harbour-92', name: 'X' } })
    expect(user.status).toBe(403)
    const gql = await t.graphql('mutation { createAuthor(data: { name: "Impostor" }) { id } }')
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
    expect((await t.payload.count({ collection: 'authors' })).totalDocs).toBe(1)
    expect((await t.payload.count({ collection: 'users' })).totalDocs).toBe(3)
  })
})

describe('writers', () => {
  it('cannot create or change authors', async () => {
    expect((await t.rest.post('/authors', { token: writer.token, body: { name: 'New Byline' } })).status).toBe(403)
    const gql = await t.graphql('mutation { createAuthor(data: { name: "New Byline" }) { id } }', { token: writer.token })
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('upload photos but cannot delete them', async () => {
    const upload = await t.rest.post('/media', {
      token: writer.token,
      form: photoForm({ alt: 'Writer photo', credit: { provider: 'Reuters' } }, await pngBytes()),
    })
    expect(upload.status).toBe(201)
    const { doc } = await upload.json()
    expect(doc.credit.line).toBe('Reuters')
    expect((await t.rest.delete(`/media/${doc.id}`, { token: writer.token })).status).toBe(403)
  })

  it('see only themselves among users and cannot promote themselves', async () => {
    const list = await (await t.rest.get('/users', { token: writer.token })).json()
    expect(list.docs.map((u: { id: unknown }) => u.id)).toEqual([writer.id])
    await t.rest.patch(`/users/${writer.id}`, { token: writer.token, body: { roles: ['admin'] } })
    expect((await t.payload.findByID({ collection: 'users', id: writer.id })).roles).toEqual(['writer'])
    const gql = await t.graphql(`mutation { updateUser(id: ${JSON.stringify(writer.id)}, data: { roles: admin }) { roles } }`, {
      token: writer.token,
    })
    expect(gql.data?.updateUser?.roles ?? ['writer']).toEqual(['writer'])
    expect((await t.payload.findByID({ collection: 'users', id: writer.id })).roles).toEqual(['writer'])
  })
})

describe('editors', () => {
  it('create, update and delete authors over REST and GraphQL', async () => {
    const created = await t.rest.post('/authors', { token: editor.token, body: { name: 'Zeina Khodr', jobTitle: 'Correspondent' } })
    expect(created.status).toBe(201)
    const { doc } = await created.json()
    expect(doc.slug).toBe('zeina-khodr')
    const gql = await t.graphql(
      `mutation { updateAuthor(id: ${JSON.stringify(doc.id)}, data: { jobTitle: "Senior correspondent" }) { jobTitle } }`,
      { token: editor.token },
    )
    expect(gql.data?.updateAuthor.jobTitle).toBe('Senior correspondent')
    expect((await t.rest.delete(`/authors/${doc.id}`, { token: editor.token })).status).toBe(200)
  })

  it('refuse author links that are not http(s)', async () => {
    const response = await t.rest.post('/authors', {
      token: editor.token,
      body: { name: 'Link Tester', links: [{ label: 'Site', url: 'javascript:alert(1)' }] },
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/http:\/\/ or https:\/\//)
  })

  it('update and delete media', async () => {
    const upload = await t.payload.create({
      collection: 'media',
      data: { alt: 'Temporary' },
      file: { data: await pngBytes(), mimetype: 'image/png', name: 'temp.png', size: 0 },
    })
    const patched = await t.rest.patch(`/media/${upload.id}`, {
      token: editor.token,
      body: { credit: { creator: 'Handout', provider: 'AFP' } },
    })
    expect((await patched.json()).doc.credit.line).toBe('Handout / AFP')
    expect((await t.rest.delete(`/media/${upload.id}`, { token: editor.token })).status).toBe(200)
  })

  it('see the staff (to assign stories) but cannot manage users', async () => {
    const list = await (await t.rest.get('/users', { token: editor.token })).json()
    expect(list.docs.map((u: { id: unknown }) => u.id)).toContain(writer.id)
    const create = await t.rest.post('/users', {
      token: editor.token,
      body: { email: 'new@masthead.test', password: 'tangerine-voltage-harbour-92', name: 'New', roles: ['writer'] },
    })
    expect(create.status).toBe(403)
    expect((await t.rest.delete(`/users/${writer.id}`, { token: editor.token })).status).toBe(403)
  })
})

describe('admins', () => {
  it('list, create and re-role users over REST and GraphQL', async () => {
    const list = await (await t.rest.get('/users', { token: admin.token })).json()
    expect(list.totalDocs).toBe(3)
    const created = await t.rest.post('/users', {
      token: admin.token,
      body: { email: 'new-writer@masthead.test', password: 'tangerine-voltage-harbour-92', name: 'New Writer', roles: ['writer'] },
    })
    expect(created.status).toBe(201)
    const { doc } = await created.json()
    const gql = await t.graphql(`mutation { updateUser(id: ${JSON.stringify(doc.id)}, data: { roles: editor }) { roles } }`, {
      token: admin.token,
    })
    expect(gql.errors).toBeUndefined()
    expect(gql.data?.updateUser.roles).toEqual(['editor'])
    const users = await t.graphql('{ Users { totalDocs } }', { token: admin.token })
    expect(users.data?.Users.totalDocs).toBe(4)
  })
})

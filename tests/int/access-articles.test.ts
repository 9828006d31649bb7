import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, Author, User } from '@/payload-types'
import { unlessStandinCannot } from './support/database'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let authorId: Author['id']
let published: Article
let draft: Article
let editor: { id: User['id']; token: string }
let writer: { id: User['id']; token: string }
let otherWriter: { id: User['id']; token: string }

beforeAll(async () => {
  t = await startPayload()
  await createUser(t.payload, ['admin'], 'admin')
  editor = await createUser(t.payload, ['editor'], 'editor')
  writer = await createUser(t.payload, ['writer'], 'writer')
  otherWriter = await createUser(t.payload, ['writer'], 'other-writer')
  authorId = (await createAuthor(t.payload)).id
  published = await createArticle(t.payload, { title: 'Published story', authors: [authorId] })
  draft = await createArticle(t.payload, { title: 'Secret draft', authors: [authorId] }, 'draft')
  // A published article with a newer, unpublished draft on top of it.
  await t.payload.update({
    collection: 'articles',
    id: published.id,
    data: { title: 'Unpublished rewrite of the published story' },
    draft: true,
  })
})
afterAll(async () => t?.cleanup())

const titles = (docs: { title: string }[]) => docs.map((doc) => doc.title).sort()

describe('anonymous readers', () => {
  it('list only published articles over REST, with or without draft=true', async () => {
    for (const query of ['', '?draft=true']) {
      const response = await t.rest.get(`/articles${query}`)
      expect(response.status).toBe(200)
      const body = await response.json()
      expect(titles(body.docs)).toEqual(['Published story'])
      expect(body.totalDocs).toBe(1)
    }
  })

  it('cannot read a draft by id over REST, even with draft=true', async () => {
    expect((await t.rest.get(`/articles/${draft.id}`)).status).toBe(404)
    expect((await t.rest.get(`/articles/${draft.id}?draft=true`)).status).toBe(404)
  })

  it('get the published version, not the newer draft, when asking by id with draft=true', async () => {
    const response = await t.rest.get(`/articles/${published.id}?draft=true`)
    expect(response.status).toBe(200)
    expect((await response.json()).title).toBe('Published story')
  })

  it('cannot query drafts by where clause either', async () => {
    const response = await t.rest.get('/articles?where[_status][equals]=draft&draft=true')
    expect((await response.json()).docs).toEqual([])
  })

  it('cannot read article versions', async () => {
    expect((await t.rest.get('/articles/versions')).status).toBe(403)
    const gql = await t.graphql('{ versionsArticles { docs { version { title } } } }')
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('list only published articles over GraphQL, with or without draft: true', async () => {
    for (const args of ['', '(draft: true)']) {
      const gql = await t.graphql(`{ Articles${args} { docs { title } totalDocs } }`)
      expect(gql.errors).toBeUndefined()
      expect(titles(gql.data!.Articles.docs)).toEqual(['Published story'])
    }
  })

  it('cannot read a draft by id over GraphQL, and get the published version of an edited article', async () => {
    const hidden = await t.graphql(`{ Article(id: ${JSON.stringify(draft.id)}, draft: true) { title } }`)
    expect(hidden.data?.Article ?? null).toBeNull()
    const shown = await t.graphql(`{ Article(id: ${JSON.stringify(published.id)}, draft: true) { title } }`)
    expect(shown.data?.Article.title).toBe('Published story')
  })

  it('cannot create, update or delete articles over REST or GraphQL', async () => {
    expect((await t.rest.post('/articles', { body: { title: 'Spam' } })).status).toBe(403)
    expect((await t.rest.patch(`/articles/${published.id}`, { body: { title: 'Defaced' } })).status).toBe(403)
    expect((await t.rest.delete(`/articles/${published.id}`)).status).toBe(403)
    const created = await t.graphql('mutation { createArticle(data: { title: "Spam" }) { id } }')
    expect(created.errors?.[0]?.message).toMatch(/not allowed/i)
    const deleted = await t.graphql(`mutation { deleteArticle(id: ${JSON.stringify(published.id)}) { id } }`)
    expect(deleted.errors?.[0]?.message).toMatch(/not allowed/i)
    expect(await t.payload.count({ collection: 'articles' })).toEqual({ totalDocs: 2 })
  })
})

describe('writers', () => {
  it('create drafts but not published articles, over REST and GraphQL', async () => {
    const ok = await t.rest.post('/articles?draft=true', {
      token: writer.token,
      body: { title: 'Writer draft', _status: 'draft' },
    })
    expect(ok.status).toBe(201)
    const created = (await ok.json()).doc
    expect(created.createdBy).toMatchObject({ id: writer.id })

    const refused = await t.rest.post('/articles', {
      token: writer.token,
      body: { title: 'Writer publishes', _status: 'published', authors: [authorId] },
    })
    expect(refused.status).toBe(403)
    const gql = await t.graphql(
      `mutation { createArticle(data: { title: "Writer publishes via GraphQL", _status: published, authors: [${JSON.stringify(authorId)}] }) { id } }`,
      { token: writer.token },
    )
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('edit their own drafts, not another writer’s', async () => {
    const own = await createArticle(t.payload, { title: 'Own draft', createdBy: writer.id }, 'draft')
    const theirs = await createArticle(t.payload, { title: 'Their draft', createdBy: otherWriter.id }, 'draft')
    const ok = await t.rest.patch(`/articles/${own.id}?draft=true`, {
      token: writer.token,
      body: { title: 'Own draft, revised' },
    })
    expect(ok.status).toBe(200)
    const refused = await t.rest.patch(`/articles/${theirs.id}?draft=true`, {
      token: writer.token,
      body: { title: 'Hijacked' },
    })
    expect(refused.status).toBe(403)
    const gql = await t.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(theirs.id)}, draft: true, data: { title: "Hijacked" }) { id } }`,
      { token: writer.token },
    )
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
    const stored = await t.payload.findByID({ collection: 'articles', id: theirs.id, draft: true })
    expect(stored.title).toBe('Their draft')
  })

  it('cannot publish their own draft, over REST or GraphQL', async () => {
    const own = await createArticle(t.payload, { title: 'Ready?', createdBy: writer.id, authors: [authorId] }, 'draft')
    const rest = await t.rest.patch(`/articles/${own.id}`, { token: writer.token, body: { _status: 'published' } })
    expect(rest.status).toBe(403)
    const gql = await t.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(own.id)}, data: { _status: published }) { id } }`,
      { token: writer.token },
    )
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
    expect((await t.payload.findByID({ collection: 'articles', id: own.id }))._status).toBe('draft')
  })

  it('cannot unpublish or edit a published article, even one they created', async () => {
    const theirs = await createArticle(t.payload, { title: 'Live story', createdBy: writer.id, authors: [authorId] })
    const unpublish = await t.rest.patch(`/articles/${theirs.id}`, { token: writer.token, body: { _status: 'draft' } })
    expect(unpublish.status).toBe(403)
    const edit = await t.rest.patch(`/articles/${theirs.id}?draft=true`, { token: writer.token, body: { title: 'x' } })
    expect(edit.status).toBe(403)
    expect((await t.payload.findByID({ collection: 'articles', id: theirs.id }))._status).toBe('published')
  })

  it('cannot delete articles, even their own drafts', async () => {
    const own = await createArticle(t.payload, { title: 'Doomed draft', createdBy: writer.id }, 'draft')
    expect((await t.rest.delete(`/articles/${own.id}`, { token: writer.token })).status).toBe(403)
    const gql = await t.graphql(`mutation { deleteArticle(id: ${JSON.stringify(own.id)}) { id } }`, { token: writer.token })
    expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
  })

  it('see drafts (they are staff) and cannot set publishedAt', async () => {
    const list = await (await t.rest.get('/articles?draft=true&limit=100', { token: writer.token })).json()
    expect(list.docs.map((doc: Article) => doc.title)).toContain('Secret draft')
    const own = await createArticle(t.payload, { title: 'Backdated?', createdBy: writer.id }, 'draft')
    await t.rest.patch(`/articles/${own.id}?draft=true`, {
      token: writer.token,
      body: { publishedAt: '2001-01-01T00:00:00.000Z' },
    })
    const stored = await t.payload.findByID({ collection: 'articles', id: own.id, draft: true })
    expect(stored.publishedAt ?? null).toBeNull()
  })

  it('cannot set publishedAt when creating a draft either, over REST or GraphQL; the editor’s publish sets it', async () => {
    const rest = await t.rest.post('/articles?draft=true', {
      token: writer.token,
      body: { title: 'Pinned by REST', _status: 'draft', authors: [authorId], publishedAt: '2099-01-01T00:00:00.000Z' },
    })
    expect(rest.status).toBe(201)
    const gql = await t.graphql(
      `mutation { createArticle(draft: true, data: { title: "Pinned by GraphQL", _status: draft, authors: [${JSON.stringify(authorId)}], publishedAt: "2099-01-01T00:00:00.000Z" }) { id } }`,
      { token: writer.token },
    )
    expect(gql.errors).toBeUndefined()
    for (const id of [(await rest.json()).doc.id, gql.data?.createArticle.id]) {
      expect((await t.payload.findByID({ collection: 'articles', id, draft: true })).publishedAt ?? null).toBeNull()
      const before = Date.now()
      const publish = await t.rest.patch(`/articles/${id}`, { token: editor.token, body: { _status: 'published' } })
      const { publishedAt } = (await publish.json()).doc
      expect(new Date(publishedAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
      expect(new Date(publishedAt).getTime()).toBeLessThanOrEqual(Date.now())
    }
  })
})

describe('editors', () => {
  it('publish a draft, which sets publishedAt, and unpublish it, over REST', async () => {
    const story = await createArticle(t.payload, { title: 'Editor story', authors: [authorId] }, 'draft')
    const before = Date.now()
    const publish = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(publish.status).toBe(200)
    const doc = (await publish.json()).doc
    expect(doc._status).toBe('published')
    expect(new Date(doc.publishedAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(titles((await (await t.rest.get('/articles')).json()).docs)).toContain('Editor story')

    const unpublish = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { _status: 'draft' } })
    expect(unpublish.status).toBe(200)
    expect(titles((await (await t.rest.get('/articles')).json()).docs)).not.toContain('Editor story')
  })

  it('publish over GraphQL and may change publishedAt; publishing again keeps it', async () => {
    const story = await createArticle(t.payload, { title: 'GraphQL story', authors: [authorId] }, 'draft')
    const gql = await t.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(story.id)}, data: { _status: published, publishedAt: "2025-06-30T08:00:00.000Z" }) { _status publishedAt } }`,
      { token: editor.token },
    )
    expect(gql.errors).toBeUndefined()
    expect(gql.data?.updateArticle).toEqual({ _status: 'published', publishedAt: '2025-06-30T08:00:00.000Z' })
    const again = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { title: 'GraphQL story, updated' } })
    expect((await again.json()).doc.publishedAt).toBe('2025-06-30T08:00:00.000Z')
  })

  it('cannot set the sitemap month, over REST or GraphQL: it follows the date, kept in UTC', async () => {
    const story = await createArticle(t.payload, { title: 'Month story', authors: [authorId] }, 'draft')
    const rest = await t.rest.patch(`/articles/${story.id}`, {
      token: editor.token,
      body: { _status: 'published', publishedAt: '2025-07-01T01:00:00+03:00', publishedMonth: '1999-01' },
    })
    expect(rest.status).toBe(200)
    expect((await rest.json()).doc).toMatchObject({ publishedAt: '2025-06-30T22:00:00.000Z', publishedMonth: '2025-06' })

    const gql = await t.graphql(`mutation { updateArticle(id: ${JSON.stringify(story.id)}, data: { publishedMonth: "1999-01", title: "Month story, again" }) { publishedMonth } }`, {
      token: editor.token,
    })
    // The rest of the edit is saved; the month the request gave is not.
    expect(gql.errors).toBeUndefined()
    expect(gql.data?.updateArticle).toEqual({ publishedMonth: '2025-06' })
    const stored = await t.payload.findByID({ collection: 'articles', id: story.id, depth: 0 })
    expect(stored).toMatchObject({ title: 'Month story, again', publishedMonth: '2025-06' })
  })

  it('cannot publish an article without an author, and are told why', async () => {
    const story = await createArticle(t.payload, { title: 'Nobody wrote this' }, 'draft')
    const response = await t.rest.patch(`/articles/${story.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/at least one author/)
    expect((await t.payload.findByID({ collection: 'articles', id: story.id }))._status).toBe('draft')
  })

  it('delete articles over REST and GraphQL', async () => {
    const a = await createArticle(t.payload, { title: 'Delete me (REST)', authors: [authorId] }, 'draft')
    const b = await createArticle(t.payload, { title: 'Delete me (GraphQL)', authors: [authorId] }, 'draft')
    expect((await t.rest.delete(`/articles/${a.id}`, { token: editor.token })).status).toBe(200)
    const gql = await t.graphql(`mutation { deleteArticle(id: ${JSON.stringify(b.id)}) { id } }`, { token: editor.token })
    expect(gql.errors).toBeUndefined()
    const left = await t.payload.find({ collection: 'articles', where: { id: { in: [a.id, b.id] } }, draft: true })
    expect(left.totalDocs).toBe(0)
  })

  it('read versions of an article', async () => {
    const response = await t.rest.get(`/articles/versions?where[parent][equals]=${published.id}`, { token: editor.token })
    expect(response.status).toBe(200)
    const titlesInVersions = (await response.json()).docs.map((v: { version: Article }) => v.version.title)
    expect(titlesInVersions).toContain('Unpublished rewrite of the published story')
  })
})

describe('slugs', () => {
  unlessStandinCannot('enforce unique indexes')('are generated from the headline and must be unique', async () => {
    const first = await t.rest.post('/articles?draft=true', {
      token: editor.token,
      body: { title: 'Talks on the Golan Heights: what’s next?', _status: 'draft' },
    })
    expect((await first.json()).doc.slug).toBe('talks-on-the-golan-heights-whats-next')
    const duplicate = await t.rest.post('/articles?draft=true', {
      token: editor.token,
      body: { title: 'Talks on the Golan Heights: what’s next?', _status: 'draft' },
    })
    expect(duplicate.status).toBe(400)
    expect(JSON.stringify(await duplicate.json())).toMatch(/slug/i)
  })

  it('are editable, and whatever is typed is put into slug form', async () => {
    const ok = await t.rest.post('/articles?draft=true', {
      token: editor.token,
      body: { title: 'Any headline', slug: 'custom-slug-2025', _status: 'draft' },
    })
    expect((await ok.json()).doc.slug).toBe('custom-slug-2025')
    const bad = await t.rest.post('/articles?draft=true', {
      token: editor.token,
      body: { title: 'Another headline', slug: 'Not A Slug!', _status: 'draft' },
    })
    expect(bad.status).toBe(201)
    expect((await bad.json()).doc.slug).toBe('not-a-slug')
  })
})

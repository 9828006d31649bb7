import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraphsToLexical } from '@/lib/text/lexical'
import type { User } from '@/payload-types'
import { graphqlId, missingId } from './support/database'
import { createArticle, createAuthor, pngBytes } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let editor: { id: User['id']; token: string }
let writer: { id: User['id']; token: string }
let authorId: number
let photoId: number
beforeAll(async () => {
  t = await startPayload()
  editor = await createUser(t.payload, ['editor'], 'editor')
  writer = await createUser(t.payload, ['writer'], 'writer')
  authorId = (await createAuthor(t.payload)).id
  photoId = (
    await t.payload.create({
      collection: 'media',
      data: { alt: 'A grey card', credit: { provider: 'AFP' } },
      file: { data: await pngBytes(), mimetype: 'image/png', name: 'card.png', size: 0 },
    })
  ).id
})
afterAll(async () => t?.cleanup())

/** A draft saved over REST as the editor: status and the error text. */
let drafts = 0
async function saveDraft(data: Record<string, unknown>, token = editor.token) {
  const body = { title: `Draft number ${++drafts}`, _status: 'draft', ...data }
  const response = await t.rest.post('/articles?draft=true', { token, body })
  return { status: response.status, body: JSON.stringify(await response.json()) }
}

describe('drafts are checked too', () => {
  const missingPhoto = missingId(999_999)
  const missingAuthor = missingId(999_998)
  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['a 100,000-character headline', { title: 'x'.repeat(100_000) }, /headline may be at most 300 characters/],
    ['a headline that is an object', { title: {} }, /headline must be text/],
    ['a 5,000-character standfirst', { standfirst: 'y'.repeat(5_000) }, /standfirst may be at most 1000/],
    ['an unknown section', { section: 'nope' }, /section must be one of: world, politics/],
    ['tags that are a number', { tags: 5 }, /Tags must be a list/],
    ['tags that are objects', { tags: [{}] }, /Tags must be a list/],
    ['too many tags', { tags: Array.from({ length: 31 }, (_, index) => `tag ${index}`) }, /at most 30 tags/],
    ['a tag too long', { tags: ['z'.repeat(61)] }, /Each tag may be at most 60/],
    ['a body that is not rich text', { body: 'plain text' }, /body must be a rich-text \(Lexical\) document/],
    ['a body that is a list', { body: [] }, /body must be a rich-text/],
    ['a publication date that is not a date', { publishedAt: 'notadate' }, /publication date must be a date/],
    ['a lead image that does not exist', { leadImage: missingPhoto }, new RegExp(`There is no photo with id ${missingPhoto}\\.`)],
    ['a lead image id of the wrong type', { leadImage: { nested: true } }, /lead image must be the id of a photo/],
    ['a lead image id that is no id', { leadImage: 'abc' }, /abc is not the id of a photo/],
    ['authors that do not exist', { authors: [missingAuthor] }, new RegExp(`There is no author with id ${missingAuthor}\\.`)],
    ['authors that are not a list', { authors: 'everyone' }, /Authors must be a list of author ids/],
    ['a status that is neither', { _status: 'live' }, /status must be draft or published/],
  ]
  it.each(refused)('refuses %s with a 400 naming the field', async (_, data, message) => {
    const before = (await t.payload.count({ collection: 'articles', draft: true } as never)).totalDocs
    const { status, body } = await saveDraft(data)
    expect(status).toBe(400)
    expect(body).toMatch(message)
    expect(body).toContain(`"path":"${Object.keys(data)[0]}"`)
    expect((await t.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
  })

  it('checks edits of a draft the same way, and over GraphQL', async () => {
    const draft = await createArticle(t.payload, { title: 'Draft to break' }, 'draft')
    const patch = await t.rest.patch(`/articles/${draft.id}?draft=true`, { token: editor.token, body: { title: 'x'.repeat(301), section: 'nope' } })
    expect(patch.status).toBe(400)
    const text = JSON.stringify(await patch.json())
    expect(text).toMatch(/headline may be at most 300/)
    expect(text).toMatch(/section must be one of/)
    const gql = await t.graphql(`mutation { updateArticle(id: ${graphqlId(draft.id)}, draft: true, data: { title: "${'x'.repeat(301)}" }) { id } }`, { token: editor.token })
    expect(gql.errors?.[0]?.message).toMatch(/headline may be at most 300/)
    const created = await t.graphql(`mutation { createArticle(draft: true, data: { title: "T", publishedAt: "notadate", _status: draft }) { id } }`, { token: editor.token })
    expect(created.errors?.[0]?.message).toMatch(/publication date must be a date/)
    expect((await t.payload.findByID({ collection: 'articles', id: draft.id, draft: true })).title).toBe('Draft to break')
  })

  it('still lets a draft leave empty what publishing needs, and a writer save a well-formed one', async () => {
    expect((await saveDraft({ authors: [], body: null, leadImage: null, section: null, tags: [] })).status).toBe(201)
    const { status } = await saveDraft(
      { title: 'Well formed', authors: [authorId], leadImage: photoId, section: 'world', tags: ['Golan'], body: paragraphsToLexical(['Text.']) },
      writer.token,
    )
    expect(status).toBe(201)
  })
})

describe('control characters', () => {
  it('refuse a NUL in a headline, REST and GraphQL, instead of cutting "Gaza\\u0000City" to "Gaza"', async () => {
    const { status, body } = await saveDraft({ title: 'Gaza\u0000City' })
    expect(status).toBe(400)
    expect(body).toMatch(/title contains a control character \(U\+0000\)/)
    const gql = await t.graphql('mutation($title: String!) { createArticle(draft: true, data: { title: $title, _status: draft }) { id } }', {
      token: editor.token,
      variables: { title: 'Gaza\u0000City' },
    })
    expect(gql.errors?.[0]?.message).toMatch(/title contains a control character/)
    expect((await t.payload.find({ collection: 'articles', where: { title: { like: 'Gaza' } }, draft: true })).totalDocs).toBe(0)
  })

  it('refuse them in tags, in the body, in captions and author profiles; tabs and newlines are text', async () => {
    const body = paragraphsToLexical(['Bell\u0007 in the body'])
    expect((await saveDraft({ tags: ['ok', 'esc\u001B'] })).body).toMatch(/tags contains a control character \(U\+001B\)/)
    expect((await saveDraft({ body })).body).toMatch(/body contains a control character \(U\+0007\)/)
    const caption = await t.rest.patch(`/media/${photoId}`, { token: editor.token, body: { caption: 'A\u0000B' } })
    expect(caption.status).toBe(400)
    expect(JSON.stringify(await caption.json())).toMatch(/caption contains a control character/)
    const author = await t.rest.patch(`/authors/${authorId}`, { token: editor.token, body: { bio: 'Line\u0000' } })
    expect(author.status).toBe(400)
    expect((await saveDraft({ standfirst: 'First line.\nSecond\tline.\r\n' })).status).toBe(201)
  })
})

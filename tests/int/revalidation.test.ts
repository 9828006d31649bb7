import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Author } from '@/payload-types'
import { createArticle, createAuthor } from './support/fixtures'
import { loggedTags } from './support/invalidations'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let editor: { token: string }
let author: Author

beforeAll(async () => {
  t = await startPayload()
  await createUser(t.payload, ['admin'], 'admin')
  editor = await createUser(t.payload, ['editor'], 'editor')
  author = await createAuthor(t.payload, 'Zeina Khodr')
})
afterAll(async () => t?.cleanup())
// The cache tags the collection hooks expired: what the invalidation log recorded since `reset()`.
let log: Awaited<ReturnType<typeof loggedTags>>
beforeEach(async () => {
  log = await loggedTags(t.payload)
})
const expired = () => log.since()

const patch = (id: number, data: Record<string, unknown>, draft = false) =>
  t.rest.patch(`/articles/${id}${draft ? '?draft=true' : ''}`, { token: editor.token, body: data })

describe('publishing expires exactly what shows the article', () => {
  it('on publish, edit, draft save, slug change and unpublish', async () => {
    const story = await createArticle(t.payload, { title: 'Port strike', section: 'business', tags: ['Labour'], authors: [author.id] }, 'draft')
    const shows = (slug: string) => ['articles:latest', `article:${slug}`, 'section:business', 'tag:labour', `author:${author.id}`]

    // Autosaving a draft that was never published touches nothing readers see.
    await patch(story.id, { standfirst: 'Typing…' }, true)
    expect(await expired()).toEqual([])

    await patch(story.id, { _status: 'published' })
    expect((await expired()).sort()).toEqual(shows('port-strike').sort())

    await log.reset()
    await patch(story.id, { standfirst: 'Dockers walk out.' })
    expect((await expired()).sort()).toEqual(shows('port-strike').sort())

    // A draft saved on top of the published article leaves the public page as it was.
    await log.reset()
    await patch(story.id, { standfirst: 'Unpublished rewrite.' }, true)
    expect(await expired()).toEqual([])

    // Published again with a new slug: the old URL must stop showing the article too.
    await log.reset()
    await patch(story.id, { slug: 'port-strike-ends', _status: 'published' })
    expect(await expired()).toEqual(expect.arrayContaining(['article:port-strike', 'article:port-strike-ends']))

    // Unpublished, even with a newer draft on top: every page that showed it is expired.
    await patch(story.id, { standfirst: 'Another draft.' }, true)
    await log.reset()
    const response = await patch(story.id, { _status: 'draft' })
    expect(response.status).toBe(200)
    expect((await expired()).sort()).toEqual(shows('port-strike-ends').sort())
  })

  it('on an author rename: the author page and the bylines of their published articles', async () => {
    const story = await createArticle(t.payload, { title: 'Byline check', authors: [author.id] })
    await log.reset()
    await t.rest.patch(`/authors/${author.id}`, { token: editor.token, body: { name: 'Zeina Khodr-Smith' } })
    expect(await expired()).toEqual(expect.arrayContaining([`author:${author.id}`, 'author-slug:zeina-khodr', `article:${story.slug}`]))
  })

  it('not at all for a bulk load that writes with disableRevalidate', async () => {
    await t.payload.create({
      collection: 'articles',
      data: { title: 'Seeded quietly', authors: [author.id], _status: 'published' },
      context: { disableRevalidate: true },
    })
    expect(await expired()).toEqual([])
  })
})

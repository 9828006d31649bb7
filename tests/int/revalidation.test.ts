import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Author } from '@/payload-types'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

// Records which cache tags the collection hooks expire (outside Next.js there is no cache to expire).
const expired = vi.hoisted(() => [] as string[])
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  revalidateTag: (tag: string) => void expired.push(tag),
}))

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
beforeEach(() => void expired.splice(0))

const patch = (id: number, data: Record<string, unknown>, draft = false) =>
  t.rest.patch(`/articles/${id}${draft ? '?draft=true' : ''}`, { token: editor.token, body: data })

describe('publishing expires exactly what shows the article', () => {
  it('on publish, edit, draft save, slug change and unpublish', async () => {
    const story = await createArticle(t.payload, { title: 'Port strike', section: 'business', tags: ['Labour'], authors: [author.id] }, 'draft')
    const shows = (slug: string) => ['articles:latest', `article:${slug}`, 'section:business', 'tag:labour', `author:${author.id}`]

    // Autosaving a draft that was never published touches nothing readers see.
    await patch(story.id, { standfirst: 'Typing…' }, true)
    expect(expired).toEqual([])

    await patch(story.id, { _status: 'published' })
    expect(expired.sort()).toEqual(shows('port-strike').sort())

    expired.splice(0)
    await patch(story.id, { standfirst: 'Dockers walk out.' })
    expect(expired.sort()).toEqual(shows('port-strike').sort())

    // A draft saved on top of the published article leaves the public page as it was.
    expired.splice(0)
    await patch(story.id, { standfirst: 'Unpublished rewrite.' }, true)
    expect(expired).toEqual([])

    // Published again with a new slug: the old URL must stop showing the article too.
    expired.splice(0)
    await patch(story.id, { slug: 'port-strike-ends', _status: 'published' })
    expect(expired).toEqual(expect.arrayContaining(['article:port-strike', 'article:port-strike-ends']))

    // Unpublished, even with a newer draft on top: every page that showed it is expired.
    await patch(story.id, { standfirst: 'Another draft.' }, true)
    expired.splice(0)
    const response = await patch(story.id, { _status: 'draft' })
    expect(response.status).toBe(200)
    expect(expired.sort()).toEqual(shows('port-strike-ends').sort())
  })

  it('on an author rename: the author page and the bylines of their published articles', async () => {
    const story = await createArticle(t.payload, { title: 'Byline check', authors: [author.id] })
    expired.splice(0)
    await t.rest.patch(`/authors/${author.id}`, { token: editor.token, body: { name: 'Zeina Khodr-Smith' } })
    expect(expired).toEqual(expect.arrayContaining([`author:${author.id}`, 'author-slug:zeina-khodr', `article:${story.slug}`]))
  })

  it('not at all for the seed, which writes with disableRevalidate', async () => {
    await t.payload.create({
      collection: 'articles',
      data: { title: 'Seeded quietly', authors: [author.id], _status: 'published' },
      context: { disableRevalidate: true },
    })
    expect(expired).toEqual([])
  })
})

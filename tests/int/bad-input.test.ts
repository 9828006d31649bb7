import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onMongo } from './support/database'
import { createArticle, createAuthor } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

// On MongoDB ids are ObjectId strings: `1` is no more an id than `abc`, and GraphQL types them String.

let t: TestPayload
let editor: { token: string }

beforeAll(async () => {
  t = await startPayload()
  editor = await createUser(t.payload, ['editor'])
  const author = await createAuthor(t.payload)
  // 105 published stories: enough to see a reader's page stop at 100, and rows for LIKE to scan.
  for (let i = 0; i < 105; i++) await createArticle(t.payload, { title: `Story ${i}`, authors: [author.id] })
})
afterAll(async () => t?.cleanup())

async function expectRefused(response: Response, status: number, message: RegExp) {
  const body = (await response.json()) as { errors?: { message: string }[] }
  expect(body.errors?.[0]?.message).toMatch(message)
  expect(response.status).toBe(status)
}

const longPattern = 'a'.repeat(60_000)

describe('anonymous bad input is a 400 naming the parameter, never a 500 (REST)', () => {
  it.each([
    ['page=1e309', /^page must be a whole number from 1 up; "Infinity" is not/],
    ['page=0', /^page must be a whole number from 1 up/],
    ['limit=abc', /^limit must be a whole number from 0 up; "abc" is not/],
    ['where=abc', /^The where parameter is not valid JSON/],
    ['where[id][in]=1,abc', onMongo ? /^where\[id\]\[in\] must be a document id; "1" is not/ : /^where\[id\]\[in\] must be a document id; "abc" is not/],
    ['where[id][equals]=abc', /^where\[id\]\[equals\] must be a document id/],
    ['where[publishedAt][greater_than]=notadate', /^where\[publishedAt\]\[greater_than\] must be a date.*"notadate" is not/],
    [`where[title][like]=${longPattern}`, /^where\[title\]\[like\] is 60000 characters long; at most 1000 are allowed\.$/],
    [
      'where[or][0][authors][in]=1,x',
      onMongo ? /^where\[or\]\[0\]\[authors\]\[in\] must be a document id; "1" is not/ : /^where\[or\]\[0\]\[authors\]\[in\] must be a document id; "x" is not/,
    ],
  ])('/api/articles?%s', async (query, message) => {
    await expectRefused(await t.rest.get(`/articles?${query}`), 400, message)
  })

  it('a long LIKE pattern in a form body sent with the GET method override', async () => {
    const { POST } = await import('@/app/(payload)/api/[...slug]/route')
    const request = new Request('http://localhost:3000/api/articles', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Payload-HTTP-Method-Override': 'GET' },
      body: `where[title][like]=${longPattern}`,
    })
    await expectRefused(await POST(request, { params: Promise.resolve({ slug: ['articles'] }) }), 400, /is 60000 characters long/)
  })

  it('a document id that is not one', async () => {
    await expectRefused(await t.rest.get('/articles/abc'), 400, /^"abc" is not a document id/)
  })

  it('an upload file that does not exist is a 404', async () => {
    await expectRefused(await t.rest.get('/media/file/no-such-photo.jpg'), 404, /^There is no file named "no-such-photo\.jpg"/)
  })

  it('an ordinary query still answers', async () => {
    const response = await t.rest.get('/articles?where[title][like]=Story&where[publishedAt][less_than]=2999-01-01&limit=2&page=2')
    expect(response.status).toBe(200)
    expect((await response.json()).docs).toHaveLength(2)
  })
})

describe('anonymous bad input through GraphQL', () => {
  const find = 'query ($where: Article_where) { Articles(where: $where) { docs { id } } }'

  it('a long LIKE pattern in variables', async () => {
    const result = await t.graphql(find, { variables: { where: { title: { like: longPattern } } } })
    expect(result.errors?.[0]?.message).toBe('where[title][like] is 60000 characters long; at most 1000 are allowed.')
    expect(result.data?.Articles).toBeNull()
  })

  it('a long LIKE pattern in the query itself', async () => {
    const result = await t.graphql(`{ Articles(where: { title: { like: "${longPattern}" } }) { docs { id } } }`)
    expect(result.status).toBe(400)
    expect(result.errors?.[0]?.message).toMatch(/^The query is 600\d\d characters long/)
  })

  it.each([
    ['{ Articles(page: 1e309) { docs { id } } }', /Int cannot represent non-integer value: 1e309|invalid value 1e309/],
    ['{ Articles(where: { publishedAt: { greater_than: "notadate" } }) { docs { id } } }', /invalid value|cannot represent/],
    // SQLite's id is an Int, refused by GraphQL's coercion; MongoDB's is a String, refused by our guard.
    ['{ Article(id: "abc") { id } }', onMongo ? /^"abc" is not a document id\.$/ : /Int cannot represent|invalid value/],
  ])('%s', async (query, message) => {
    const result = await t.graphql(query)
    expect(result.status).not.toBe(500)
    expect(result.errors?.map((e) => e.message).join(' ')).toMatch(message)
  })
})

describe('a reader gets at most 100 documents a page; staff tooling is not capped', () => {
  it.each(['limit=100000', 'limit=0', 'pagination=false'])('REST ?%s', async (query) => {
    const body = await (await t.rest.get(`/articles?${query}`)).json()
    expect(body.docs).toHaveLength(100)
    expect(body.limit).toBe(100)
    expect(body.totalDocs).toBe(105)
    expect(body.hasNextPage).toBe(true)
  })

  it('on every collection, not only articles', async () => {
    const body = await (await t.rest.get('/authors?limit=0')).json()
    expect(body.limit).toBe(100)
  })

  it.each(['limit: 100000', 'limit: 0', 'pagination: false'])('GraphQL Articles(%s)', async (args) => {
    const result = await t.graphql(`{ Articles(${args}) { docs { id } limit totalDocs } }`)
    expect(result.errors).toBeUndefined()
    expect(result.data?.Articles.docs).toHaveLength(100)
    expect(result.data?.Articles.limit).toBe(100)
  })

  it('staff through REST and GraphQL', async () => {
    const body = await (await t.rest.get('/articles?limit=0', { token: editor.token })).json()
    expect(body.docs).toHaveLength(105)
    const result = await t.graphql('{ Articles(pagination: false) { docs { id } } }', { token: editor.token })
    expect(result.data?.Articles.docs).toHaveLength(105)
  })
})

import { expect, test, type APIRequestContext } from '@playwright/test'
import { ADMIN } from './support/accounts'

// The production build (minified) is where Payload's error classes lose their names: only a real
// server shows whether a refusal still says what was wrong.

async function token(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/users/login', { data: { email: ADMIN.email, password: ADMIN.password } })
  return (await login.json()).token
}

const message = async (response: { json(): Promise<{ errors: { message: string }[] }> }) => (await response.json()).errors[0]?.message

test('a refused upload says which file and why', async ({ request }) => {
  const response = await request.post('/api/media', {
    headers: { Authorization: `JWT ${await token(request)}` },
    multipart: {
      file: { name: 'chart.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
      _payload: JSON.stringify({ alt: 'A chart' }),
    },
  })
  expect(response.status()).toBe(400)
  expect(await message(response)).toBe('chart.svg was refused: it contains content that is not a recognised image. Upload a JPEG, PNG, WebP or AVIF photo.')
})

test('a JSON body that is not JSON, or not an object, says so', async ({ request }) => {
  const headers = { Authorization: `JWT ${await token(request)}`, 'Content-Type': 'application/json' }
  // A Buffer is sent as it is (a string would be sent JSON-encoded).
  const broken = await request.post('/api/authors', { headers, data: Buffer.from('{"name": "Half') })
  expect(broken.status()).toBe(400)
  expect(await message(broken)).toMatch(/^The request body is not valid JSON \(.+\)\.$/)
  const notAnObject = await request.post('/api/authors', { headers, data: '{"name": "Half' })
  expect(notAnObject.status()).toBe(400)
  expect(await message(notAnObject)).toMatch(/^The request body must be a JSON object of fields/)
})

test('anonymous bad input is a 400 naming the parameter', async ({ request }) => {
  const response = await request.get('/api/articles?where[id][in]=1,abc')
  expect(response.status()).toBe(400)
  expect(await message(response)).toBe('where[id][in] must be a document id; "abc" is not.')
  const missing = await request.get('/api/articles/999999')
  expect(missing.status()).toBe(404)
  expect(await message(missing)).not.toBe('An unknown error occurred.')
})

test('a cookie-carrying write from another site is refused with a 403 that says why', async ({ request }) => {
  const response = await request.post('/api/articles', {
    headers: { Cookie: `payload-token=${await token(request)}`, Origin: 'http://evil.example' },
    data: { title: 'Forged' },
  })
  expect(response.status()).toBe(403)
  expect(await message(response)).toMatch(/^Refused: this request changes data with a signed-in session cookie, but comes from http:\/\/evil\.example/)
})

test('a hostile GraphQL document is refused with a 400', async ({ request }) => {
  const levels = 19
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Article { title }` : `fragment F${i} on Article { title ...F${i + 1} ...F${i + 1} }`,
  )
  const response = await request.post('/api/graphql', { data: { query: `{ Articles { docs { ...F0 } } } ${fragments.join(' ')}` } })
  expect(response.status()).toBe(400)
  expect(await message(response)).toMatch(/^The query selects 524289 fields once its fragments are spread/)
})

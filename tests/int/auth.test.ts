import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { graphqlId } from './support/database'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
beforeAll(async () => {
  t = await startPayload()
})
afterAll(async () => t?.cleanup())

const password = 'correct horse battery staple'

describe('accounts', () => {
  it('makes the first user to register an admin, whatever role was asked for, and only once', async () => {
    const first = await t.rest.post('/users/first-register', {
      body: { email: 'first@masthead.test', password, 'confirm-password': password, name: 'First', roles: ['writer'] },
    })
    expect(first.status).toBe(200)
    expect((await first.json()).user.roles).toEqual(['admin'])

    const second = await t.rest.post('/users/first-register', {
      body: { email: 'second@masthead.test', password, 'confirm-password': password, name: 'Second' },
    })
    expect(second.status).toBe(403)
    expect((await t.payload.count({ collection: 'users' })).totalDocs).toBe(1)
  })

  it('locks an account after five failed logins, even against the right password', async () => {
    await t.payload.create({
      collection: 'users',
      data: { email: 'victim@masthead.test', password, name: 'Victim', roles: ['writer'] },
    })
    const login = (pw: string) => t.rest.post('/users/login', { body: { email: 'victim@masthead.test', password: pw } })
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login('wrong password')).status).toBe(401)
    }
    const locked = await login(password)
    expect(locked.status).toBe(401)
    // The same answer as a wrong password: "locked" would tell that the e-mail has an account.
    expect(JSON.stringify(await locked.json())).toMatch(/The email or password provided is incorrect/)

    const user = await t.payload.find({
      collection: 'users',
      where: { email: { equals: 'victim@masthead.test' } },
      showHiddenFields: true,
    })
    const lockUntil = new Date(user.docs[0]!.lockUntil as string).getTime()
    expect(lockUntil - Date.now()).toBeGreaterThan(9 * 60 * 1000)
  })

  it('lets only admins unlock a locked account', async () => {
    const email = 'locked-out@masthead.test'
    await t.payload.create({ collection: 'users', data: { email, password, name: 'Locked', roles: ['writer'] } })
    for (let attempt = 1; attempt <= 5; attempt++) {
      await t.rest.post('/users/login', { body: { email, password: 'wrong password' } })
    }
    const locked = async () =>
      Boolean((await t.payload.find({ collection: 'users', where: { email: { equals: email } }, showHiddenFields: true })).docs[0]!.lockUntil)
    expect(await locked()).toBe(true)

    for (const roles of [['writer'], ['editor']] as const) {
      const { token } = await createUser(t.payload, [...roles], `unlocking-${roles[0]}`)
      expect((await t.rest.post('/users/unlock', { token, body: { email } })).status).toBe(403)
      const gql = await t.graphql(`mutation { unlockUser(email: "${email}") }`, { token })
      expect(gql.errors?.[0]?.message).toMatch(/not allowed/i)
      expect(await locked()).toBe(true)
    }
    expect((await t.rest.post('/users/unlock', { body: { email } })).status).toBe(403)
    const admin = await createUser(t.payload, ['admin'], 'unlocking-admin')
    expect((await t.rest.post('/users/unlock', { token: admin.token, body: { email } })).status).toBe(200)
    expect(await locked()).toBe(false)
  })

  it('marks the session cookie Secure when the request arrived over HTTPS, not over plain HTTP', async () => {
    const email = 'secure-cookie@masthead.test'
    await t.payload.create({ collection: 'users', data: { email, password, name: 'Cookie', roles: ['writer'] } })
    // The route as Next serves it.
    const { POST } = await import('@/app/(payload)/api/[...slug]/route')
    const login = async (headers: Record<string, string>) => {
      const request = new Request('http://localhost:3000/api/users/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ email, password }),
      })
      const response = await POST(request, { params: Promise.resolve({ slug: ['users', 'login'] }) })
      expect(response.status).toBe(200)
      return response.headers.getSetCookie().find((cookie) => cookie.startsWith('payload-token='))
    }
    expect(await login({})).not.toMatch(/;\s*Secure/i)
    expect(await login({ 'X-Forwarded-Proto': 'https' })).toMatch(/;\s*Secure/i)
    expect(await login({ 'X-Forwarded-Proto': 'https' })).toMatch(/HttpOnly/i)
  })

  it('answers an unknown e-mail, a wrong password and a locked account alike, over REST and GraphQL', async () => {
    const email = 'known@masthead.test'
    await t.payload.create({ collection: 'users', data: { email, password, name: 'Known', roles: ['writer'] } })
    await t.payload.create({
      collection: 'users',
      data: { email: 'frozen@masthead.test', password, name: 'Frozen', roles: ['writer'], lockUntil: new Date(Date.now() + 600_000).toISOString() } as never,
    })
    const answers = await Promise.all(
      [
        { email: 'nobody@masthead.test', password },
        { email, password: 'not the password at all' },
        { email: 'frozen@masthead.test', password },
      ].map(async (body) => {
        const response = await t.rest.post('/users/login', { body })
        const gql = await t.graphql('mutation($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }', {
          variables: body,
        })
        return { status: response.status, body: await response.json(), graphql: gql.errors?.[0]?.message }
      }),
    )
    expect(answers[0]).toEqual({
      status: 401,
      body: { errors: [{ message: 'The email or password provided is incorrect.' }] },
      graphql: 'The email or password provided is incorrect.',
    })
    expect(answers[1]).toEqual(answers[0])
    expect(answers[2]).toEqual(answers[0])
  })
})

describe('passwords', () => {
  it('must be at least 12 characters and not common, on every way of setting one', async () => {
    const admin = await createUser(t.payload, ['admin'], 'password-admin')
    for (const weak of ['abc', '1234567', 'password', 'password1234']) {
      const created = await t.rest.post('/users', { token: admin.token, body: { email: `weak-${weak}@masthead.test`, password: weak, name: 'Weak', roles: ['writer'] } })
      expect(created.status, weak).toBe(400)
      expect(JSON.stringify(await created.json())).toMatch(/"path":"password".*(at least 12 characters|too easy to guess)/)
    }
    const gql = await t.graphql('mutation { createUser(data: { email: "weak-gql@masthead.test", password: "password", name: "W", roles: writer }) { id } }', {
      token: admin.token,
    })
    expect(gql.errors?.[0]?.message).toMatch(/at least 12 characters/)
    const strong = await t.rest.post('/users', {
      token: admin.token,
      body: { email: 'strong@masthead.test', password: 'tangerine-voltage-harbour-92', name: 'Strong', roles: ['writer'] },
    })
    expect(strong.status).toBe(201)
  })

  it('take the current password to change your own; an admin resetting someone else’s does not', async () => {
    const writer = await createUser(t.payload, ['writer'], 'changing-writer')
    const change = (body: Record<string, unknown>, token = writer.token, id = writer.id) => t.rest.patch(`/users/${id}`, { token, body })
    const missing = await change({ password: 'tangerine-voltage-harbour-92' })
    expect(missing.status).toBe(400)
    expect(JSON.stringify(await missing.json())).toMatch(/"path":"currentPassword".*Enter your current password/)
    const wrong = await change({ password: 'tangerine-voltage-harbour-92', currentPassword: 'a guess at it' })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(await wrong.json())).toMatch(/current password is not correct/)
    const gql = await t.graphql(`mutation { updateUser(id: ${graphqlId(writer.id)}, data: { password: "tangerine-voltage-harbour-92" }) { id } }`, { token: writer.token })
    expect(gql.errors?.[0]?.message).toMatch(/Enter your current password/)
    expect((await t.rest.post('/users/login', { body: { email: writer.email, password } })).status).toBe(200)

    expect((await change({ password: 'tangerine-voltage-harbour-92', currentPassword: password })).status).toBe(200)
    expect((await t.rest.post('/users/login', { body: { email: writer.email, password: 'tangerine-voltage-harbour-92' } })).status).toBe(200)

    const admin = await createUser(t.payload, ['admin'], 'resetting-admin')
    expect((await change({ password: 'violet-anchor-pepper-4417' }, admin.token)).status).toBe(200)
    expect((await t.rest.post('/users/login', { body: { email: writer.email, password: 'violet-anchor-pepper-4417' } })).status).toBe(200)
  })
})

describe('rate limits', () => {
  /** A login or reset request from `address`, through the route Next serves. */
  async function attempt(path: 'login' | 'forgot-password', body: Record<string, unknown>, address: string) {
    const { POST } = await import('@/app/(payload)/api/[...slug]/route')
    const request = new Request(`http://localhost:3000/api/users/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
      body: JSON.stringify(body),
    })
    return POST(request, { params: Promise.resolve({ slug: ['users', path] }) })
  }

  it('throttle 40 parallel wrong logins from one address with 429 and Retry-After', async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) => attempt('login', { email: `guess-${index}@masthead.test`, password: 'wrong password' }, '203.0.113.7')),
    )
    const statuses = responses.map((response) => response.status)
    expect(statuses.filter((status) => status === 401)).toHaveLength(30)
    expect(statuses.filter((status) => status === 429)).toHaveLength(10)
    const refused = responses.find((response) => response.status === 429)!
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(JSON.stringify(await refused.json())).toMatch(/Too many attempts\. Try again in \d+ seconds/)
    // Another address is not held up.
    expect((await attempt('login', { email: 'guess-0@masthead.test', password: 'wrong password' }, '198.51.100.1')).status).toBe(401)
  })

  it('throttle logins into one account from many addresses, and password-reset requests', async () => {
    const statuses: number[] = []
    for (let index = 0; index < 11; index++) {
      statuses.push((await attempt('login', { email: 'target@masthead.test', password: 'wrong password' }, `192.0.2.${index}`)).status)
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true)
    expect(statuses[10]).toBe(429)

    const resets: number[] = []
    for (let index = 0; index < 4; index++) resets.push((await attempt('forgot-password', { email: 'target@masthead.test' }, '192.0.2.200')).status)
    expect(resets).toEqual([200, 200, 200, 429])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
    expect(JSON.stringify(await locked.json())).toMatch(/locked/i)

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
})

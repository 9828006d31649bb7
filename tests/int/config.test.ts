import { afterEach, describe, expect, it, vi } from 'vitest'

// The config reads its environment when it is imported: each case imports it afresh.
const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  vi.resetModules()
})

describe('starting up', () => {
  it('refuses a DATABASE_URI it cannot use, naming the variable and the accepted forms', async () => {
    process.env.DATABASE_URI = 'postgres://db.example/masthead'
    await expect(import('@/payload.config')).rejects.toThrow(
      /DATABASE_URI is set to "postgres:\/\/db\.example\/masthead".*Accepted: .*file:.*mongodb/,
    )
  })

  it('refuses to start in production without PAYLOAD_SECRET', async () => {
    process.env.DATABASE_URI = 'file:/tmp/masthead-config-test.db'
    delete process.env.PAYLOAD_SECRET
    vi.stubEnv('NODE_ENV', 'production')
    await expect(import('@/payload.config')).rejects.toThrow(/PAYLOAD_SECRET is not set/)
    vi.unstubAllEnvs()
  })
})

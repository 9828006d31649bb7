import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { serverProcess, useProductionEnvironment } from '@/server/server-process'

const root = '/srv/masthead'
const production = { NODE_ENV: 'production' } as const

describe('serverProcess (how npm start and the benches start the server)', () => {
  it('runs server/server.ts with the memory flags before it', () => {
    expect(serverProcess(root, production).args).toEqual(['--heap-growing-percent=15', '--max-semi-space-size=8', path.join(root, 'server', 'server.ts')])
  })

  it('gives it two malloc arenas and the compile cache, and passes the environment on', () => {
    const { env } = serverProcess(root, { PORT: '3000', NODE_ENV: 'production' })
    expect(env).toEqual({
      MALLOC_ARENA_MAX: '2',
      NODE_COMPILE_CACHE: path.join(root, 'node_modules', '.cache', 'masthead', 'v8'),
      PORT: '3000',
      NODE_ENV: 'production',
    })
  })

  it('lets the environment win over its defaults', () => {
    const given = { ...production, MALLOC_ARENA_MAX: '1', NODE_COMPILE_CACHE: '/tmp/cc' }
    expect(serverProcess(root, given).env).toEqual(given)
  })
})

describe('useProductionEnvironment (npm start, and node server/serve.ts beside it)', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('runs in production with the secret kept in the data folder, the same one for every process', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'masthead-env-'))
    try {
      vi.stubEnv('NODE_ENV', 'test')
      vi.stubEnv('DATA_DIR', '')
      vi.stubEnv('PAYLOAD_SECRET', '')
      vi.spyOn(console, 'log').mockImplementation(() => {})
      useProductionEnvironment(root)
      const secret = process.env.PAYLOAD_SECRET!
      expect(process.env.NODE_ENV).toBe('production')
      expect(secret.length).toBeGreaterThanOrEqual(32)
      expect(readFileSync(path.join(root, 'data', 'payload-secret'), 'utf8').trim()).toBe(secret)
      // A second process on the same install gets the same secret, so sessions hold across both.
      vi.stubEnv('PAYLOAD_SECRET', '')
      useProductionEnvironment(root)
      expect(process.env.PAYLOAD_SECRET).toBe(secret)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('keeps a secret the environment sets', () => {
    vi.stubEnv('PAYLOAD_SECRET', 'x'.repeat(40))
    useProductionEnvironment('/nowhere')
    expect(process.env.PAYLOAD_SECRET).toBe('x'.repeat(40))
  })
})

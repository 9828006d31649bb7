import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { serverProcess } from '@/server/server-process'

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

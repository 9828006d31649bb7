import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SEED_IF_EMPTY_ENV, seedCommand, seedRequested, startPlan } from '@/server/start-plan'

const state = { built: true, builtStamp: 'abc', stamp: 'abc', seedScript: true }

describe('startPlan (what npm start does before serving)', () => {
  it('reuses a finished build made from the same sources, and leaves the seed to the server', () => {
    expect(startPlan(state)).toEqual({ build: false, seedIfEmpty: true })
  })

  it('builds when the sources changed, the stamp is missing or the build never finished', () => {
    expect(startPlan({ ...state, stamp: 'def' }).build).toBe(true)
    expect(startPlan({ ...state, builtStamp: null }).build).toBe(true)
    expect(startPlan({ ...state, built: false }).build).toBe(true)
  })

  it('asks for no seed where the image has no seed script', () => {
    expect(startPlan({ ...state, seedScript: false }).seedIfEmpty).toBe(false)
    expect(startPlan({ ...state, built: false, seedScript: false })).toEqual({ build: true, seedIfEmpty: false })
  })
})

describe('seedRequested (the server process npm start runs, and only that one)', () => {
  it('is on only when npm start set the variable to 1', () => {
    expect(seedRequested({ [SEED_IF_EMPTY_ENV]: '1' })).toBe(true)
    // A second server process (node server/server.ts) or a script: no seed.
    expect(seedRequested({})).toBe(false)
    expect(seedRequested({ [SEED_IF_EMPTY_ENV]: '0' })).toBe(false)
  })
})

describe('seedCommand', () => {
  it('runs the seed from its bundle, only if the database is still empty', () => {
    expect(seedCommand('/srv/masthead', '/usr/bin/node')).toEqual([
      '/usr/bin/node',
      [path.join('/srv/masthead', 'server', 'run-script.ts'), 'seed/seed.ts', '--', '--if-empty'],
    ])
  })
})

import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultSeedRunner, seedIfEmpty, type SeedRunner } from '@/server/seed-if-empty'
import { startPayload, type TestPayload } from './support/payload'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SEED_SLUG = 'trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact'

/** A runner that records what it was asked to run and answers `code`, starting nothing. */
function recording(code: number | string = 0) {
  const runs: string[][] = []
  const exits: number[] = []
  const runner: SeedRunner = {
    run: async (command, args) => {
      runs.push([command, ...args])
      return code
    },
    exit: (exitCode) => void exits.push(exitCode),
  }
  return { runner, runs, exits }
}

// What the server process of `npm start` does once its migrations are applied (instrumentation.ts).
describe('seedIfEmpty (npm start: the server seeds an empty database before answering)', () => {
  let t: TestPayload
  beforeAll(async () => {
    t = await startPayload()
  })
  afterAll(async () => {
    await t?.cleanup()
  })

  it('on an empty database, runs the seed (from its bundle, --if-empty) and stops the server if it fails', async () => {
    const failed = recording(3)
    await seedIfEmpty(t.payload, ROOT, failed.runner)
    expect(failed.runs).toEqual([[process.execPath, path.join(ROOT, 'server', 'run-script.ts'), 'seed/seed.ts', '--', '--if-empty']])
    expect(failed.exits).toEqual([3])

    const killed = recording('SIGKILL')
    await seedIfEmpty(t.payload, ROOT, killed.runner)
    expect(killed.exits).toEqual([1])
  })

  it('really seeds the database it counted, then leaves a database with an article alone', async () => {
    // The real child process, on this test's database (its DATABASE_URI is in the environment).
    const exits: number[] = []
    await seedIfEmpty(t.payload, ROOT, { run: defaultSeedRunner.run, exit: (code) => void exits.push(code) })
    expect(exits).toEqual([])
    const { docs } = await t.payload.find({ collection: 'articles', depth: 0 })
    expect(docs.map((doc) => doc.slug)).toEqual([SEED_SLUG])

    const again = recording()
    await seedIfEmpty(t.payload, ROOT, again.runner)
    expect(again.runs).toEqual([])
    expect(again.exits).toEqual([])
  }, 180_000)
})

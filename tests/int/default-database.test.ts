import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'

// With DATABASE_URI unset, `npm run seed` (payload run, no NODE_ENV) and the server `npm start` runs
// (NODE_ENV=production) must work on one database. The data folder is a temporary DATA_DIR.
const ROOT = path.resolve(import.meta.dirname, '../..')
const SLUG = 'trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact'
const dir = mkdtempSync(path.join(tmpdir(), 'masthead-default-db-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function payloadRun(args: string[], nodeEnv: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, PAYLOAD_SECRET: 'default-db-test-secret-0123456789abcdef' }
  for (const key of ['DATABASE_URI', 'MEDIA_DIR', 'NODE_ENV', 'MASTHEAD_TEST_DATABASE_URI']) delete env[key]
  if (nodeEnv) Object.assign(env, { NODE_ENV: nodeEnv })
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'payload', 'bin.js'), 'run', ...args], { cwd: ROOT, env })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

it('npm run seed -- <file> lands in the database npm start serves, and says which', async () => {
  const database = path.join(dir, 'masthead.db')
  const seed = await payloadRun(['seed/seed.ts', '--', path.join(ROOT, 'seed', 'content', `${SLUG}.txt`)], undefined)
  expect(seed.code, seed.output).toBe(0)
  expect(seed.output).toContain(`[masthead] database: SQLite ${database}`)
  expect(seed.output).toMatch(new RegExp(`Seeded 1 file in [\\d.]+ s: 1 created, .* into SQLite ${database.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`))
  expect(existsSync(database)).toBe(true)
  expect(existsSync(path.join(dir, 'masthead-dev.db'))).toBe(false)

  const server = await payloadRun(['tests/int/support/list-articles.ts'], 'production')
  expect(server.code, server.output).toBe(0)
  expect(server.output).toContain(`[masthead] database: SQLite ${database}`)
  expect(server.output.split('articles:\n')[1]?.split('\n')).toContain(SLUG)
}, 300_000) // two processes starting Payload from the TypeScript sources

import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { freshDatabaseName, isMongoUri, withDatabaseName } from '@/lib/platform/mongo-uri'
import { baseDatabaseUri } from './support/database'

const ROOT = path.resolve(import.meta.dirname, '../..')
const work = mkdtempSync(path.join(tmpdir(), 'masthead-migrate-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function payloadCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    // As `npm run migrate` runs: not under the test runner's NODE_ENV.
    const childEnv: Record<string, string | undefined> = { ...process.env, PAYLOAD_SECRET: 'integration-tests-secret-0123456789abcdef', ...env }
    delete childEnv.NODE_ENV
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'payload', 'bin.js'), ...args], {
      cwd: ROOT,
      env: childEnv as NodeJS.ProcessEnv,
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

it('`npm run migrate` applies the running adapter’s own migrations: SQLite’s from migrations/, MongoDB’s from migrations-mongodb/', async () => {
  const base = baseDatabaseUri()
  const mongo = isMongoUri(base)
  const uri = mongo ? withDatabaseName(base, freshDatabaseName('masthead_migrate')) : `file:${path.join(work, 'migrate.db')}`
  const { code, output } = await payloadCli(['migrate'], { DATABASE_URI: uri })
  expect(code, output).toBe(0)
  if (mongo) {
    expect(output).toContain(`Reading migration files from ${path.join(ROOT, 'migrations-mongodb')}`)
    // MongoDB's own data migrations ran, and none of SQLite's schema migrations.
    expect(output).toMatch(/Migrated: +20261202_050000_sitemap_months/)
    expect(output).not.toMatch(/Migrat(ing|ed): +20261126_053340_initial/)
    const { MongoClient } = await import('mongodb')
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 })
    await client.db().dropDatabase()
    await client.close()
  } else {
    expect(output).toContain(`Reading migration files from ${path.join(ROOT, 'migrations')}`)
    expect(output).toMatch(/Migrated: +20261126_053340_initial/)
  }
}, 240_000) // a CLI that boots Payload: slow on a busy machine, as the seed's CLI test

it('never regenerates payload-types.ts at boot: it comes from `npm run generate`, on SQLite only, whatever adapter runs', async () => {
  const config = await (await import('@/payload.config')).default
  expect(config.typescript.autoGenerate).toBe(false)
}, 180_000) // loading the config compiles Payload's whole import graph

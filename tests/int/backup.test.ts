import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createArticle, createAuthor, pngBytes } from './support/fixtures'
import { startPayload, type TestPayload } from './support/payload'

// `npm run backup` while an editor keeps publishing, then `npm run restore` into an empty data folder.
const ROOT = path.resolve(import.meta.dirname, '../..')
let t: TestPayload
const work = mkdtempSync(path.join(tmpdir(), 'masthead-backup-test-'))

beforeAll(async () => {
  t = await startPayload()
})
afterAll(async () => {
  await t?.cleanup()
  rmSync(work, { recursive: true, force: true })
})

function node(script: string, args: string[], env: Record<string, string | undefined>) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key]
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, script), ...args], { cwd: ROOT, env: childEnv })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

it('a backup taken while an editor publishes restores to a sound database holding every article published before it', async () => {
  if (process.env.DATABASE_URI?.startsWith('mongodb')) {
    // MongoDB is mongodump's job: the command says so instead of writing a useless archive.
    const refused = await node('server/backup.ts', [], { DATABASE_URI: process.env.DATABASE_URI })
    expect(refused.code).toBe(2)
    expect(refused.output).toContain('mongodump')
    return
  }
  const author = await createAuthor(t.payload)
  await t.payload.create({ collection: 'media', data: { alt: 'Harbour at dawn', credit: { creator: 'Lina Haddad', provider: 'AFP' } }, file: { data: await pngBytes(), mimetype: 'image/png', name: 'harbour.png', size: 0 } })
  const before: string[] = []
  for (let i = 0; i < 5; i++) before.push((await createArticle(t.payload, { title: `Before the backup ${i}`, authors: [author.id] })).slug!)

  // The editor goes on publishing during the whole backup.
  let publishing = true
  let during = 0
  const editor = (async () => {
    while (publishing) {
      await createArticle(t.payload, { title: `During the backup ${during++}`, authors: [author.id] })
      // SQLite calls are synchronous here: let the event loop hear from the backup process too.
      await new Promise((resolve) => setImmediate(resolve))
    }
  })()
  const backup = await node('server/backup.ts', ['--out', path.join(work, 'backups')], { DATABASE_URI: process.env.DATABASE_URI, MEDIA_DIR: process.env.MEDIA_DIR })
  publishing = false
  await editor
  expect(backup.code, backup.output).toBe(0)
  expect(during).toBeGreaterThan(0)
  const [archive] = readdirSync(path.join(work, 'backups'))
  expect(archive).toMatch(/^masthead-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz$/)
  const archivePath = path.join(work, 'backups', archive!)

  // Into an empty data folder, as on a new machine: the default database file and media folder.
  const target = path.join(work, 'restored')
  const env = { DATA_DIR: target, DATABASE_URI: undefined, MEDIA_DIR: undefined, NODE_ENV: undefined }
  const restore = await node('server/restore.ts', [archivePath], env)
  expect(restore.code, restore.output).toBe(0)
  const db = new DatabaseSync(path.join(target, 'masthead.db'), { readOnly: true })
  try {
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
    const slugs = (db.prepare("SELECT slug FROM articles WHERE _status = 'published'").all() as { slug: string }[]).map((row) => row.slug)
    expect(slugs).toEqual(expect.arrayContaining(before))
  } finally {
    db.close()
  }
  expect(readdirSync(path.join(target, 'media'))).toContainEqual(expect.stringMatching(/^harbour.*\.(png|webp)$/))

  // A folder that now holds a database is not overwritten, unless asked to (the old one is kept aside).
  const again = await node('server/restore.ts', [archivePath], env)
  expect(again.code).toBe(1)
  expect(again.output).toMatch(/the data folder is not empty\. Add --force/)
  const forced = await node('server/restore.ts', ['--', archivePath, '--force'], env)
  expect(forced.code, forced.output).toBe(0)
  expect(readdirSync(target).some((name) => name.startsWith('replaced-'))).toBe(true)
  expect(existsSync(path.join(target, 'masthead.db'))).toBe(true)
}, 180_000)

it('refuses what is not a backup, and says how it is used', async () => {
  const env = { DATA_DIR: path.join(work, 'other'), DATABASE_URI: undefined, MEDIA_DIR: undefined }
  const usage = await node('server/restore.ts', [], env)
  expect(usage.code).toBe(2)
  expect(usage.output).toContain('Usage: npm run restore -- <archive.tar.gz> [--force]')
  const missing = await node('server/restore.ts', [path.join(work, 'nothing.tar.gz')], env)
  expect(missing.code).toBe(2)
  expect(missing.output).toContain('No archive at')
  const notTar = await node('server/restore.ts', [path.join(ROOT, 'package.json')], env)
  expect(notTar.code).toBe(1)
  expect(notTar.output).toMatch(/could not be unpacked/)
  expect(existsSync(path.join(work, 'other', 'masthead.db'))).toBe(false)
})

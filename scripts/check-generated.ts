/**
 * Fails the test run when a generated file no longer matches the config: `payload-types.ts`, the
 * admin import map, or the SQLite migrations (a schema change without `npm run migrate:create`).
 * Regenerates the first two in place so that the fix is one commit away.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const payloadBin = path.join(root, 'node_modules', '.bin', 'payload')
const scratch = mkdtempSync(path.join(tmpdir(), 'masthead-generated-'))
// The generators must see the embedded default, whatever database this run's tests use.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URI: `file:${path.join(scratch, 'check.db')}`,
  NODE_ENV: 'development',
}
const problems: string[] = []

function payload(args: string[]): string {
  const result = spawnSync(payloadBin, args, { cwd: root, env, encoding: 'utf8' })
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr)
    throw new Error(`payload ${args.join(' ')} failed (exit ${result.status})`)
  }
  return result.stdout + result.stderr
}

for (const [file, command] of [
  ['payload-types.ts', 'generate:types'],
  ['app/(payload)/admin/importMap.js', 'generate:importmap'],
] as const) {
  const read = () => readFileSync(path.join(root, file), 'utf8')
  const before = read()
  payload([command])
  if (read() !== before) problems.push(`${file} was stale: it has been regenerated (npm run ${command}); commit it.`)
}

const migrationsDir = path.join(root, 'migrations')
const migrationsBefore = new Set(readdirSync(migrationsDir))
payload(['migrate:create', 'schema-check', '--skip-empty'])
const added = readdirSync(migrationsDir).filter((name) => !migrationsBefore.has(name))
if (added.length > 0) {
  for (const name of added) rmSync(path.join(migrationsDir, name))
  spawnSync('git', ['checkout', '--', 'migrations/index.ts'], { cwd: root })
  problems.push('The collections changed without a migration: run `npm run migrate:create -- <name>` and commit it.')
}
rmSync(scratch, { recursive: true, force: true })

if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`)
  process.exit(1)
}
console.log('✓ payload-types.ts, the import map and the migrations match the config')

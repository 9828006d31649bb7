/**
 * `npm start`: the one command a newcomer runs. Seeds an empty database (applying migrations on the
 * way), builds when needed, then runs the production server (server/server.ts).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from './data-dir.ts'
import { readOrCreateSecretFile } from './secret.ts'
import { buildStamp } from './build-stamp.ts'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next')
const stampFile = path.join(distDir, 'masthead-build-stamp')

Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' })
if (!process.env.PAYLOAD_SECRET) {
  // A local install needs no setup; a deployment sets PAYLOAD_SECRET (plain `next start` refuses without it).
  const secretFile = path.join(dataDir(root), 'payload-secret')
  process.env.PAYLOAD_SECRET = readOrCreateSecretFile(secretFile)
  console.log(`[masthead] PAYLOAD_SECRET not set: using the generated secret kept in ${path.relative(root, secretFile)}`)
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error(`[masthead] ${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
}

// An empty database gets the seed piece first (applying the migrations on the way).
if (existsSync(path.join(root, 'seed', 'seed.ts'))) {
  run(bin('payload'), ['run', 'seed/seed.ts', '--', '--if-empty'])
}

// Built when the sources changed since the last build, and only then (server/build-stamp.ts).
const stamp = buildStamp(root)
const built = existsSync(path.join(distDir, 'BUILD_ID')) && existsSync(stampFile)
if (built && readFileSync(stampFile, 'utf8') === stamp) {
  console.log('[masthead] build is up to date')
} else {
  const started = Date.now()
  run(bin('next'), ['build'])
  writeFileSync(stampFile, stamp)
  console.log(`[masthead] built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

const server = spawn(process.execPath, [path.join(root, 'server', 'server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

/**
 * `npm start`: the one command a newcomer runs. Seeds an empty database (applying migrations on the
 * way), builds when needed, then runs the production server (scripts/server.ts).
 * Runs on Node ≥ 22.18 directly (type stripping), so it needs no build step of its own.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { readOrCreateSecretFile } from '../lib/secret.ts'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
const BUILD_INPUTS = [
  'app', 'collections', 'access', 'fields', 'hooks', 'lib', 'components', 'migrations',
  'payload.config.ts', 'payload-types.ts', 'next.config.mjs', 'tsconfig.json', 'package-lock.json',
]
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next')
const stampFile = path.join(distDir, 'masthead-build-stamp')

Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' })
if (!process.env.PAYLOAD_SECRET) {
  // A local install needs no setup; a deployment sets PAYLOAD_SECRET (plain `next start` refuses without it).
  process.env.PAYLOAD_SECRET = readOrCreateSecretFile(path.join(root, 'data', 'payload-secret'))
  console.log('[masthead] PAYLOAD_SECRET not set: using the generated secret kept in data/payload-secret')
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error(`[masthead] ${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
}

function hashInputs(settings: string[]): string {
  const hash = createHash('sha256').update(settings.join('\0'))
  const visit = (file: string) => {
    if (!existsSync(file)) return
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) visit(path.join(file, entry))
      return
    }
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file))
  }
  for (const input of BUILD_INPUTS) visit(path.join(root, input))
  return hash.digest('hex')
}

// An empty database gets the seed piece first, so that the pages prerendered by the build show it.
if (existsSync(path.join(root, 'seed', 'seed.ts'))) {
  run(bin('payload'), ['run', 'seed/seed.ts', '--', '--if-empty'])
}

// The build bakes content and absolute URLs into prerendered pages: it is redone when the sources
// change, and also when the database or the public URL does.
const stamp = hashInputs([process.env.DATABASE_URI ?? '', process.env.SITE_URL ?? '', process.env.PORT ?? ''])
const built = existsSync(path.join(distDir, 'BUILD_ID')) && existsSync(stampFile)
if (built && readFileSync(stampFile, 'utf8') === stamp) {
  console.log('[masthead] build is up to date')
} else {
  const started = Date.now()
  // Cached reads from another database must not leak into this build.
  rmSync(path.join(distDir, 'cache', 'fetch-cache'), { recursive: true, force: true })
  run(bin('next'), ['build'])
  writeFileSync(stampFile, stamp)
  console.log(`[masthead] built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))

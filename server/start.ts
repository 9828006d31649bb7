/**
 * `npm start`: the one command a newcomer runs. Builds when needed, then runs the production server
 * (server/server.ts), which applies the migrations and seeds an empty database before it answers
 * anyone (server/start-plan.ts says why there, not here).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildStamp } from './build-stamp.ts'
import { runServer, useProductionEnvironment } from './server-process.ts'
import { SEED_IF_EMPTY_ENV, startPlan } from './start-plan.ts'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name)
const distDir = path.join(root, process.env.NEXT_DIST_DIR || '.next')
const stampFile = path.join(distDir, 'masthead-build-stamp')

useProductionEnvironment(root)

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error(`[masthead] ${path.basename(command)} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status ?? 1)
  }
}

// Built when the sources changed since the last build, and only then (server/build-stamp.ts). The
// build reads no database (every route renders on request), so it needs no migration first.
const stamp = buildStamp(root)
const plan = startPlan({
  built: existsSync(path.join(distDir, 'BUILD_ID')),
  builtStamp: existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : null,
  stamp,
  seedScript: existsSync(path.join(root, 'seed', 'seed.ts')),
})
if (!plan.build) {
  console.log('[masthead] build is up to date')
} else {
  const started = Date.now()
  run(bin('next'), ['build'])
  writeFileSync(stampFile, stamp)
  console.log(`[masthead] built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

// Its Node flags and environment (memory settings) come from server/server-process.ts, as the benches' do.
runServer(root, { ...process.env, ...(plan.seedIfEmpty ? { [SEED_IF_EMPTY_ENV]: '1' } : {}) })

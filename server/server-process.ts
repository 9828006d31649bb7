import { spawn } from 'node:child_process'
import path from 'node:path'
import { compileCacheDir } from './compile-cache.ts'
import { dataDir } from './data-dir.ts'
import { readOrCreateSecretFile } from './secret.ts'

/**
 * How the long-running server process (server/server.ts) is started: its Node flags and environment,
 * in one place for `npm start` (server/start.ts), for a deployment's instances (server/serve.ts:
 * docker-compose.yml, the e2e tests' second process) and for the benchmarks that start servers
 * (bench/support/server.ts), so what bench:soak measures is what runs.
 *
 * Memory (bench:soak prints where it goes):
 * - a full collection once the old generation has grown 15 % past what survived the last one, instead
 *   of V8's own factor (here ~1.3, up to 4). Much of the server's native memory (ArrayBuffers,
 *   libsql's rows, zlib's and brotli's states behind their JS objects) is freed only when V8 collects
 *   the objects holding it, and V8 does not count most of it: between two full collections that
 *   garbage piled up in malloc's main arena, which then keeps the freed memory (under the soak,
 *   calling malloc_trim(0) in the running server gave back 88 MiB, 346 → 258 MiB resident).
 *   Collecting sooner keeps the pile small: bench:soak's 300 s end at 291 MiB instead of 367 (the
 *   arena ~50 MiB instead of ~120), with no fewer pages served; the cached-page fast path allocates
 *   almost nothing that survives, so it hardly collects more often. (Measured and not needed:
 *   jemalloc, which gives the pile back after a full collection but lets it grow as high first;
 *   MALLOC_MMAP_THRESHOLD_, which does not help: the pile is of small blocks.)
 * - a young generation of 2 × 8 MiB semi-spaces instead of V8's up to 2 × 16 (plus the copy space):
 *   a request allocates little that survives, and the smaller nursery is scavenged a little more
 *   often for tens of MiB less resident;
 * - two malloc arenas instead of glibc's up to eight per core: libsql, sharp/libvips and libuv's
 *   threads each grow an arena of their own otherwise, and freed memory in one is not reused by
 *   another, so the resident set creeps up over hours (a documented glibc behaviour).
 * A MALLOC_ARENA_MAX or NODE_COMPILE_CACHE (server/compile-cache.ts) set in the environment wins.
 */
export const SERVER_NODE_FLAGS = ['--heap-growing-percent=15', '--max-semi-space-size=8']

/** `node`'s arguments and the environment of the server process, given the environment it inherits. */
export function serverProcess(root: string, env: NodeJS.ProcessEnv): { args: string[]; env: NodeJS.ProcessEnv } {
  return {
    args: [...SERVER_NODE_FLAGS, path.join(root, 'server', 'server.ts')],
    env: { MALLOC_ARENA_MAX: '2', NODE_COMPILE_CACHE: compileCacheDir(root), ...env },
  }
}

/**
 * Production mode, and a secret when none is set: the one generated into the data folder, so that a
 * local install needs no setup and every process on it (`npm start`, `node server/serve.ts` beside
 * it) shares one. A deployment sets PAYLOAD_SECRET (plain `next start` refuses without it).
 */
export function useProductionEnvironment(root: string): void {
  Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' })
  if (process.env.PAYLOAD_SECRET) return
  const secretFile = path.join(dataDir(root), 'payload-secret')
  process.env.PAYLOAD_SECRET = readOrCreateSecretFile(secretFile)
  console.log(`[masthead] PAYLOAD_SECRET not set: using the generated secret kept in ${path.relative(root, secretFile)}`)
}

/**
 * Runs the server as a child of this process, which then only relays: the signals that stop it in,
 * its exit code out. (MALLOC_ARENA_MAX is read when a process starts, so the server needs a process
 * of its own to get it.)
 */
export function runServer(root: string, env: NodeJS.ProcessEnv): void {
  const { args, env: serverEnv } = serverProcess(root, env)
  const server = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: serverEnv })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

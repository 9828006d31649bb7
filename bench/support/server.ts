/**
 * The production server the benchmarks measure: `node server/start.ts` (what `npm start` runs:
 * seed an empty database, build when stale, run server/server.ts) on a throwaway SQLite database, media
 * folder and free loopback port, building into a folder of its own (`.next-bench`) so that it never
 * touches the developer's `.next` or the end-to-end tests' `.next-e2e`.
 *
 * The server runs in its own process group; `stop()` (and any exit or signal of the benchmark) ends
 * the whole group, build included.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { serverProcess } from '../../server/server-process.ts'
import { parseResidentSet, type ResidentSet } from './resident.ts'

export const ROOT = path.resolve(import.meta.dirname, '..', '..')
/** The build folder every benchmark server uses (git-ignored by `.next-*`). */
export const BENCH_DIST_DIR = '.next-bench'
export const ADMIN_EMAIL = 'bench-admin@example.com'
export const ADMIN_PASSWORD = 'bench-admin-password-0123456789'
/** The seeded article every benchmark can rely on. */
export const SEED_ARTICLE = '/articles/trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact'

const BUILD_TIMEOUT_MS = 15 * 60_000

export interface BenchServer {
  url: string
  port: number
  /** The process-group leader (`node server/start.ts`). */
  pid: number
  /** The temp folder holding the database, media and the server's log. */
  dir: string
  /** Environment the server runs with (also what `payload run` scripts need for the same database). */
  env: NodeJS.ProcessEnv
  logFile: string
  /** The server process itself (a grandchild, `masthead-server`): the one whose memory is worth reading. */
  serverPid(): number | null
  /** Ends the server's process group; removes the temp folder unless told to keep it (e.g. after a failure, for its log). */
  stop(options?: { keepDir?: boolean }): Promise<void>
}

export interface StartOptions {
  /**
   * Reuse this folder (its database and media) instead of a new temp folder. BENCH_DIR does the same
   * from the environment; with BENCH_PORT as well, a second run finds its build up to date (the
   * build stamp covers DATABASE_URI, SITE_URL and PORT) and skips the 2–4 minute build.
   */
  dir?: string
  /** SQLite file name inside `dir` (default bench.db). A new name means a new build: see server/start.ts. */
  dbFile?: string
  /** Remove `dir` on stop (default: only when the folder was made here, not given or from BENCH_DIR). */
  removeDir?: boolean
  label?: string
  /** Build folder (default `.next-bench`); two servers running at once need one each. */
  distDir?: string
  /** Port to listen on (default: BENCH_PORT, else a free one). */
  port?: number
  /** More environment for the server (e.g. PURGE_URLS). */
  env?: Record<string, string>
}

export function makeTempDir(prefix = 'masthead-bench-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** What a process needs to work on the benchmark database: the server and `payload run` alike. */
export function benchEnv(dir: string, port: number, dbFile = 'bench.db', distDir = BENCH_DIST_DIR): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URI: `file:${path.join(dir, dbFile)}`,
    MEDIA_DIR: path.join(dir, 'media'),
    PAYLOAD_SECRET: `bench-${randomBytes(24).toString('hex')}`,
    PORT: String(port),
    SITE_URL: `http://127.0.0.1:${port}`,
    NEXT_DIST_DIR: distDir,
    SEED_ADMIN_EMAIL: ADMIN_EMAIL,
    SEED_ADMIN_PASSWORD: ADMIN_PASSWORD,
  }
}

/**
 * The port of a helper beside the benchmark server: with BENCH_PORT, the next ones (the second
 * server +1, Varnish +2 unless BENCH_VARNISH_PORT says otherwise, nginx +3), else a free one.
 */
export async function helperPort(role: 'second' | 'varnish' | 'nginx'): Promise<number> {
  if (role === 'varnish' && process.env.BENCH_VARNISH_PORT) return Number(process.env.BENCH_VARNISH_PORT)
  const base = Number(process.env.BENCH_PORT)
  return base ? base + { second: 1, varnish: 2, nginx: 3 }[role] : freePort()
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const live = new Set<{ kill: () => void }>()
let hooksInstalled = false
function installExitHooks(): void {
  if (hooksInstalled) return
  hooksInstalled = true
  process.on('exit', () => {
    for (const entry of live) entry.kill()
  })
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      for (const entry of live) entry.kill()
      process.exit(130)
    })
  }
}

/** Kill a whole process group, ignoring one that is already gone. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    /* already gone */
  }
}

/**
 * One benchmark at a time may own `.next-bench` (two builds into one folder would corrupt it);
 * a lock left by a process that is no longer running is taken over.
 */
function takeDistLock(distDir: string): () => void {
  // Beside the system's temp files, not in the work tree (nor in the build folder, which a build empties).
  const lock = path.join(os.tmpdir(), `masthead-bench${ROOT.replace(/[^A-Za-z0-9]+/g, '-')}${distDir}.lock`)
  if (existsSync(lock)) {
    const holder = Number(readFileSync(lock, 'utf8'))
    if (holder && holder !== process.pid && pidAlive(holder)) {
      throw new Error(`Another benchmark (pid ${holder}) is using ${distDir}; run one at a time (or remove ${lock}).`)
    }
  }
  writeFileSync(lock, String(process.pid))
  return () => {
    try {
      if (readFileSync(lock, 'utf8') === String(process.pid)) rmSync(lock, { force: true })
    } catch {
      /* gone */
    }
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Runs a `payload run` script (e.g. `bench/scale-generate.ts -- …`) against the benchmark database,
 * from its prebuilt bundle (server/run-script.ts); its output is shown as it comes and returned.
 */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'server', 'run-script.ts'), script, '--', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      process.stderr.write(chunk)
    })
    child.on('error', reject)
    child.on('close', (code, signal) =>
      code === 0 ? resolve(output) : reject(new Error(`${script} ${args.join(' ')} failed (exit ${code ?? signal})`)),
    )
  })
}

export async function startServer(options: StartOptions = {}): Promise<BenchServer> {
  installExitHooks()
  const given = options.dir ?? process.env.BENCH_DIR
  const dir = given ? path.resolve(given) : makeTempDir()
  mkdirSync(path.join(dir, 'media'), { recursive: true })
  const port = options.port ?? (process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort())
  const distDir = options.distDir ?? BENCH_DIST_DIR
  const env = { ...benchEnv(dir, port, options.dbFile, distDir), ...options.env }
  const url = `http://127.0.0.1:${port}`
  const logFile = path.join(dir, `server-${port}.log`)
  const releaseLock = takeDistLock(distDir)

  const log = openSync(logFile, 'a')
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server', 'start.ts')], {
    cwd: ROOT,
    env,
    detached: true, // its own process group: stop() ends start.ts, next build and the server together
    stdio: ['ignore', log, log],
  })
  closeSync(log)
  const pid = child.pid
  if (!pid) throw new Error('could not start server/start.ts')
  let exited: string | null = null
  child.on('exit', (code, signal) => {
    exited = `exit ${code ?? signal}`
  })
  const entry = { kill: () => killGroup(pid, 'SIGKILL') }
  live.add(entry)

  let stopped = false
  const stop = async ({ keepDir = false }: { keepDir?: boolean } = {}) => {
    if (stopped) return
    stopped = true
    killGroup(pid, 'SIGTERM')
    for (let i = 0; i < 100 && exited === null; i++) await sleep(100)
    killGroup(pid, 'SIGKILL')
    live.delete(entry)
    releaseLock()
    if (keepDir) console.error(`[bench] kept ${dir} (server log: ${logFile})`)
    else if (options.removeDir ?? !given) rmSync(dir, { recursive: true, force: true })
  }

  const label = options.label ? ` (${options.label})` : ''
  console.error(`[bench] starting the production server${label} on ${url}: seed, build if stale, serve (log: ${logFile})`)
  const started = Date.now()
  let lastNote = started
  try {
    while (true) {
      if (exited !== null) throw new Error(`the server stopped before answering (${exited})`)
      if (Date.now() - started > BUILD_TIMEOUT_MS) throw new Error(`the server did not answer within ${BUILD_TIMEOUT_MS / 60_000} min`)
      // One probe at a time, given all the time it needs: a slow server must not be sent a pile of
      // abandoned requests (it would still work through every one of them).
      try {
        const remaining = Math.max(1_000, BUILD_TIMEOUT_MS - (Date.now() - started))
        const response = await fetch(`${url}/api/articles?limit=1`, { signal: AbortSignal.timeout(remaining) })
        await response.arrayBuffer()
        if (response.status === 200) break
      } catch {
        /* not listening yet */
      }
      if (Date.now() - lastNote > 30_000) {
        lastNote = Date.now()
        console.error(`[bench]   … ${Math.round((Date.now() - started) / 1000)} s: ${lastLine(logFile)}`)
      }
      await sleep(500)
    }
  } catch (error) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n')
    await stop({ keepDir: true })
    throw new Error(`${(error as Error).message}\n--- last lines of the server log ---\n${tail}`)
  }
  console.error(`[bench] server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`)

  return { url, port, pid, dir, env, logFile, serverPid: () => findServerProcess(pid), stop }
}

function lastLine(file: string): string {
  try {
    const lines = readFileSync(file, 'utf8').trim().split('\n')
    return (lines[lines.length - 1] ?? '').slice(0, 160)
  } catch {
    return ''
  }
}

/** The server process in the group led by `groupPid` (server/server.ts names itself `masthead-server`). */
export function findServerProcess(groupPid: number): number | null {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // Fields after the parenthesised command: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) !== groupPid) continue
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8')
      const comm = readFileSync(`/proc/${name}/comm`, 'utf8')
      if (comm.startsWith('masthead-server') || cmdline.startsWith('masthead-server')) return Number(name)
    } catch {
      /* exited meanwhile */
    }
  }
  return null
}

/** The resident set of a process (bench/support/resident.ts), or null when it cannot be read. */
export function residentSet(pid: number | null): ResidentSet | null {
  if (!pid) return null
  try {
    return parseResidentSet(readFileSync(`/proc/${pid}/status`, 'utf8'))
  } catch {
    return null
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * The two-process topology of BENCH_VARNISH=1 around `primary`: process B on the same database and
 * build, and Varnish in front of both. Each is added to `helpers` as it starts, so the caller stops
 * whatever did start, in reverse order.
 */
export async function startSharedCacheTopology(
  primary: BenchServer,
  varnishPort: number,
  helpers: { stop(): Promise<void> }[],
): Promise<{ second: string; varnish: string }> {
  const second = await startSecondServer(primary, await helperPort('second'))
  helpers.push(second)
  const varnish = await startVarnish(varnishPort, [primary.url.slice(7), second.url.slice(7)], primary.dir)
  helpers.push(varnish)
  return { second: second.url, varnish: varnish.url }
}

/**
 * A second server process on the first one's database and build (server/server.ts with the flags
 * `npm start` gives it, as a second container would run it): no seed, no build. Ends with the benchmark.
 */
export async function startSecondServer(primary: BenchServer, port: number): Promise<{ url: string; stop(): Promise<void> }> {
  return startProcess({
    label: `second server on ${port}`,
    command: process.execPath,
    ...serverProcess(ROOT, { ...primary.env, PORT: String(port) }),
    logFile: path.join(primary.dir, `server-${port}.log`),
    ready: `http://127.0.0.1:${port}/api/articles?limit=1`,
    url: `http://127.0.0.1:${port}`,
  })
}

export function varnishAvailable(): boolean {
  const probe = spawnSync('varnishd', ['-V'], { stdio: 'ignore' })
  return !probe.error && probe.status === 0
}

/** Varnish with deploy/varnish/masthead.vcl on `port`, round-robin over `backends` (server/varnish.ts). */
export async function startVarnish(port: number, backends: string[], logDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  return startProcess({
    label: `Varnish on ${port}`,
    command: process.execPath,
    args: [path.join(ROOT, 'server', 'varnish.ts'), '--listen', `127.0.0.1:${port}`, ...backends.flatMap((backend) => ['--backend', backend])],
    env: process.env,
    logFile: path.join(logDir, `varnish-${port}.log`),
    // Answers once a backend's health probe has passed.
    ready: `http://127.0.0.1:${port}/robots.txt`,
    url: `http://127.0.0.1:${port}`,
  })
}

interface ProcessSpec {
  label: string
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
  logFile: string
  ready: string
  url: string
}

const READY_TIMEOUT_MS = 120_000

/** Starts a helper process in its own group, waits (bounded) for `ready` to answer 200. */
async function startProcess(spec: ProcessSpec): Promise<{ url: string; stop(): Promise<void> }> {
  installExitHooks()
  const log = openSync(spec.logFile, 'a')
  const child = spawn(spec.command, spec.args, { cwd: ROOT, env: spec.env, detached: true, stdio: ['ignore', log, log] })
  closeSync(log)
  const pid = child.pid
  if (!pid) throw new Error(`could not start ${spec.label}`)
  let exited = false
  child.on('exit', () => (exited = true))
  const entry = { kill: () => killGroup(pid, 'SIGKILL') }
  live.add(entry)
  const stop = async () => {
    killGroup(pid, 'SIGTERM')
    for (let i = 0; i < 100 && !exited; i++) await sleep(100)
    killGroup(pid, 'SIGKILL')
    live.delete(entry)
  }
  console.error(`[bench] starting ${spec.label} (log: ${spec.logFile})`)
  const started = Date.now()
  while (true) {
    const tail = () => readFileSync(spec.logFile, 'utf8').split('\n').slice(-20).join('\n')
    if (exited) throw new Error(`${spec.label} stopped before answering\n${tail()}`)
    if (Date.now() - started > READY_TIMEOUT_MS) {
      await stop()
      throw new Error(`${spec.label} did not answer within ${READY_TIMEOUT_MS / 1000} s\n${tail()}`)
    }
    try {
      const response = await fetch(spec.ready, { signal: AbortSignal.timeout(10_000) })
      await response.arrayBuffer()
      if (response.status === 200) break
    } catch {
      /* not yet */
    }
    await sleep(250)
  }
  console.error(`[bench] ${spec.label} ready after ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return { url: spec.url, stop }
}

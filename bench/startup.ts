/**
 * `npm run bench:startup`: how long the commands a newsroom types take to start (issue 18), on a
 * throwaway SQLite database and media folder, with the build already in the work tree (`.next`, or
 * NEXT_DIST_DIR): it never rebuilds it.
 *
 *   (a) the first `npm start` on an empty database: seed, migrate, serve `/`;
 *   (b) a second `npm start` with nothing changed: from spawning it to the first 200 of `/` and of the
 *       seeded article, with the time each of its `[masthead]` lines appeared (where the seconds go);
 *   (c) `npm run seed -- <one file>`: a new piece, then the same piece again (unchanged, a no-op);
 *   (d) with BENCH_STARTUP_BUILD=1 only: `npm start` on a fresh clone, build included (into a build
 *       folder of its own, `.next-bench-startup`, emptied first; node_modules/.cache, which a fresh
 *       clone would not have yet, is kept: its bundle and code cache save a few seconds, not minutes).
 *
 * Each is run BENCH_STARTUP_RUNS times (default 3): median and worst, beside the targets. The load
 * average is printed before and after; compare runs made on a quiet machine.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildStamp } from '../server/build-stamp.ts'
import { median, pass, printTable } from './support/report.ts'
import { ROOT, SEED_ARTICLE, benchEnv, freePort, makeTempDir, sleep } from './support/server.ts'

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3)
const WITH_BUILD = process.env.BENCH_STARTUP_BUILD === '1'
const TARGET_SECOND_START_S = 5
const TARGET_SEED_S = 3
const TARGET_FRESH_CLONE_S = 180
const START_TIMEOUT_MS = 15 * 60_000
const SEED_DIR = path.join(ROOT, 'seed', 'content')

interface StartRun {
  /** Seconds from spawning `npm start` to the first 200 of `/`, then of the seeded article. */
  home: number
  article: number
  /** Whether that first home page already listed the seeded article (nobody is answered before the seed). */
  homeListsSeed: boolean
  /** Each `[masthead]` line of the output, with the seconds since the spawn at which it appeared. */
  lines: [seconds: number, line: string][]
}

/** `npm …` as a user would type it: through npm itself when the bench was run by npm, else the npm on PATH. */
function npmCommand(args: string[]): [string, string[]] {
  const cli = process.env.npm_execpath
  return cli && cli.endsWith('.js') ? [process.execPath, [cli, ...args]] : ['npm', args]
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    /* already gone */
  }
}

/** Polls `url` (one request at a time) until it answers 200; the seconds since `since`, and the body. */
async function firstOk(url: string, since: number, exited: () => string | null): Promise<{ seconds: number; body: string }> {
  while (true) {
    const gone = exited()
    if (gone) throw new Error(`npm start stopped before ${url} answered (${gone})`)
    if (performance.now() - since > START_TIMEOUT_MS) throw new Error(`${url} did not answer within ${START_TIMEOUT_MS / 60_000} min`)
    try {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(START_TIMEOUT_MS) })
      const body = await response.text()
      if (response.status === 200) return { seconds: (performance.now() - since) / 1000, body }
    } catch {
      /* not listening yet */
    }
    await sleep(25)
  }
}

/** One `npm start` on `env`, timed until both pages answer, then stopped (its whole process group). */
async function timeStart(env: NodeJS.ProcessEnv, url: string): Promise<StartRun> {
  const [command, args] = npmCommand(['start'])
  const since = performance.now()
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  const pid = child.pid
  if (!pid) throw new Error('could not spawn npm start')
  const lines: [number, string][] = []
  const output: string[] = []
  const collect = (chunk: Buffer) => {
    const at = (performance.now() - since) / 1000
    for (const line of chunk.toString().split('\n')) {
      if (line.trim() === '') continue
      output.push(line)
      if (line.startsWith('[masthead]')) lines.push([at, line.slice('[masthead] '.length)])
    }
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  let exited: string | null = null
  child.on('exit', (code, signal) => (exited = `exit ${code ?? signal}`))
  const stopOnExit = () => killGroup(pid, 'SIGKILL')
  process.on('exit', stopOnExit)
  try {
    const home = await firstOk(`${url}/`, since, () => exited)
    const article = await firstOk(`${url}${SEED_ARTICLE}`, since, () => exited)
    return { home: home.seconds, article: article.seconds, homeListsSeed: home.body.includes(SEED_ARTICLE), lines }
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- last lines of npm start ---\n${output.slice(-30).join('\n')}`)
  } finally {
    killGroup(pid, 'SIGTERM')
    for (let i = 0; i < 100 && exited === null; i++) await sleep(100)
    killGroup(pid, 'SIGKILL')
    process.off('exit', stopOnExit)
  }
}

/** `npm run seed -- <file>` as typed in a shell (NODE_ENV unset): wall seconds and its summary line. */
async function timeSeed(env: NodeJS.ProcessEnv, file: string): Promise<{ seconds: number; summary: string }> {
  const [command, args] = npmCommand(['run', '--silent', 'seed', '--', file])
  const since = performance.now()
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const seconds = (performance.now() - since) / 1000
  if (code !== 0) throw new Error(`npm run seed -- ${file} failed (exit ${code})\n${output}`)
  return { seconds, summary: output.trim().split('\n').filter((line) => line.startsWith('Seeded')).pop() ?? '' }
}

/** A piece the database has not seen: the seed file under a new headline (so a new slug). */
function newPiece(dir: string, n: number): string {
  const source = readdirSync(SEED_DIR).find((name) => name.endsWith('.txt'))
  if (!source) throw new Error(`no .txt piece in ${SEED_DIR} to copy`)
  const [headline, ...rest] = readFileSync(path.join(SEED_DIR, source), 'utf8').split('\n')
  const file = path.join(dir, `startup-bench-${n}.txt`)
  writeFileSync(file, [`${headline} (start-up bench ${n} ${Date.now()})`, ...rest].join('\n'))
  return file
}

const seconds = (value: number) => `${value.toFixed(2)} s`
const load = () => os.loadavg().map((value) => value.toFixed(2)).join(' ')
const summarize = (values: number[]) => `${seconds(median(values))} (worst ${seconds(Math.max(...values))})`

/** A new empty database and media folder (removed at exit), and the environment naming them. */
function fresh(port: number, distDir: string): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = makeTempDir('masthead-startup-')
  dirs.push(dir)
  return { dir, env: benchEnv(dir, port, 'bench.db', distDir) }
}

const distDir = WITH_BUILD ? '.next-bench-startup' : process.env.NEXT_DIST_DIR || '.next'
const stampFile = path.join(ROOT, distDir, 'masthead-build-stamp')
if (!WITH_BUILD && !(existsSync(stampFile) && readFileSync(stampFile, 'utf8') === buildStamp(ROOT))) {
  console.error(
    `bench:startup measures start-up with the build present, and ${distDir} is missing or older than the sources.\n` +
      'Run `npm start` once (it builds and stamps the build), or BENCH_STARTUP_BUILD=1 to time a fresh clone, build included.',
  )
  process.exit(1)
}

const dirs: string[] = []
const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort()
const url = `http://127.0.0.1:${port}`
const loadBefore = load()
console.log(`bench:startup on ${url}, build ${distDir}, ${RUNS} runs each; load average ${loadBefore}`)
process.on('exit', () => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const rows: string[][] = [['command', 'median (worst)', 'target', '']]

if (WITH_BUILD) {
  rmSync(path.join(ROOT, distDir), { recursive: true, force: true })
  const { env } = fresh(port, distDir)
  console.error('[bench] (d) npm start on a fresh clone: build, seed, serve')
  const run = await timeStart(env, url)
  rows.push(['(d) fresh clone `npm start` → 200 of /, build included', seconds(run.home), `< ${TARGET_FRESH_CLONE_S} s`, pass(run.home < TARGET_FRESH_CLONE_S)])
}

// (a) and (b): each run on a new empty database, started twice.
const first: number[] = []
let servedBeforeSeed = 0
const secondHome: number[] = []
const secondArticle: number[] = []
let lastFirst: StartRun | undefined
let lastSecond: StartRun | undefined
let last = { dir: '', env: {} as NodeJS.ProcessEnv }
for (let run = 1; run <= RUNS; run++) {
  last = fresh(port, distDir)
  const { env } = last
  console.error(`[bench] run ${run}/${RUNS}: (a) first npm start on an empty database (load ${os.loadavg()[0]!.toFixed(2)})`)
  lastFirst = await timeStart(env, url)
  first.push(lastFirst.home)
  if (!lastFirst.homeListsSeed) servedBeforeSeed++
  console.error(`[bench] run ${run}/${RUNS}: (b) second npm start, nothing changed`)
  lastSecond = await timeStart(env, url)
  secondHome.push(lastSecond.home)
  secondArticle.push(lastSecond.article)
}
rows.push([
  '(a) first `npm start`, empty database, build present → 200 of /',
  summarize(first),
  'lists the seed',
  `${pass(servedBeforeSeed === 0)}${servedBeforeSeed ? ` (${servedBeforeSeed} home page(s) served before the seed)` : ''}`,
])
rows.push(['(b) second `npm start` → 200 of /', summarize(secondHome), `< ${TARGET_SECOND_START_S} s`, pass(median(secondHome) < TARGET_SECOND_START_S)])
rows.push(['(b) second `npm start` → 200 of the article', summarize(secondArticle), `< ${TARGET_SECOND_START_S} s`, pass(median(secondArticle) < TARGET_SECOND_START_S)])

// (c) on the last run's database, the server stopped: a new piece each time, then one piece again.
// As typed in a shell: no NODE_ENV (so the script applies any pending migration itself).
const seedEnv = Object.fromEntries(Object.entries(last.env).filter(([name]) => name !== 'NODE_ENV')) as NodeJS.ProcessEnv
const created: number[] = []
const unchanged: number[] = []
let summary = ''
for (let run = 1; run <= RUNS; run++) {
  const file = newPiece(last.dir, run)
  console.error(`[bench] run ${run}/${RUNS}: (c) npm run seed -- ${path.basename(file)}, new then unchanged`)
  created.push((await timeSeed(seedEnv, file)).seconds)
  const again = await timeSeed(seedEnv, file)
  unchanged.push(again.seconds)
  summary = again.summary
}
rows.push(['(c) `npm run seed -- one-file.txt`, a new piece', summarize(created), `< ${TARGET_SEED_S} s`, pass(median(created) < TARGET_SEED_S)])
rows.push(['(c) `npm run seed -- one-file.txt`, unchanged (no-op)', summarize(unchanged), `< ${TARGET_SEED_S} s`, pass(median(unchanged) < TARGET_SEED_S)])

printTable(`Start-up (load average before ${loadBefore}, after ${load()})`, rows)
for (const [which, run] of [['first', lastFirst], ['second', lastSecond]] as const) {
  if (!run) continue
  printTable(`Where the seconds of the last ${which} \`npm start\` went (each [masthead] line as it appeared)`, [
    ['at', 'line'],
    ...run.lines.map(([at, line]) => [seconds(at), line.slice(0, 120)]),
    [seconds(run.home), '200 of /'],
    [seconds(run.article), '200 of the article'],
  ])
}
if (summary) console.log(`\nLast no-op seed said: ${summary}`)

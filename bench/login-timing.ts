/**
 * `npm run bench:login`: how long a refused login takes for an unknown e-mail, a wrong password and
 * a locked account (issue 10: the times must not tell which e-mails have accounts). Boots Payload on
 * a throwaway SQLite database through `payload run` and times the REST login route in-process,
 * one request at a time, each from its own client address (so the rate limit stays out of it).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROUNDS = 7
// Same answer time within this much of each other (medians): well under the hashing cost itself.
const TARGET_SPREAD_MS = 40

if (!process.env.MASTHEAD_LOGIN_BENCH) {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-login-bench-'))
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'payload', 'bin.js'), 'run', 'bench/login-timing.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      MASTHEAD_LOGIN_BENCH: '1',
      DATABASE_URI: `file:${path.join(dir, 'bench.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      PAYLOAD_SECRET: 'login-bench-secret-0123456789abcdef',
    },
  })
  rmSync(dir, { recursive: true, force: true })
  process.exit(result.status ?? 1)
} else {
  const { getPayload } = await import('payload')
  const config = await (await import('../payload.config')).default
  const payload = await getPayload({ config })
  const { REST_POST } = await import('@payloadcms/next/routes')
  const { median, ms, pass, printTable } = await import('./support/report')
  const post = REST_POST(config)
  const password = 'tangerine-voltage-harbour-92'
  // An account per round (the per-account rate limit would otherwise answer instead); locked ones locked for an hour.
  const lockUntil = new Date(Date.now() + 3_600_000).toISOString()
  for (let round = 0; round <= ROUNDS; round++) {
    await payload.create({ collection: 'users', data: { email: `known-${round}@bench.test`, password, name: 'Known', roles: ['writer'] } })
    await payload.create({ collection: 'users', data: { email: `locked-${round}@bench.test`, password, name: 'Locked', roles: ['writer'], lockUntil } as never })
  }

  let address = 0
  const time = async (email: string, guess: string) => {
    const started = performance.now()
    const response = await post(
      new Request('http://localhost/api/users/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `10.0.${Math.floor(++address / 250)}.${address % 250}` },
        body: JSON.stringify({ email, password: guess }),
      }),
      { params: Promise.resolve({ slug: ['users', 'login'] }) },
    )
    await response.text()
    return { ms: performance.now() - started, status: response.status }
  }
  const cases: [string, (round: number) => Promise<{ ms: number; status: number }>][] = [
    ['unknown e-mail', (round) => time(`nobody-${round}@bench.test`, password)],
    ['wrong password', (round) => time(`known-${round}@bench.test`, 'a wrong guess at it')],
    ['locked account', (round) => time(`locked-${round}@bench.test`, password)],
  ]
  const medians: number[] = []
  const rows: (string | number)[][] = [['case', 'median', 'status']]
  for (const [name, run] of cases) {
    await run(ROUNDS) // warm-up
    const results = []
    for (let round = 0; round < ROUNDS; round++) results.push(await run(round))
    const value = median(results.map((result) => result.ms))
    medians.push(value)
    rows.push([name, ms(value), [...new Set(results.map((result) => result.status))].join(',')])
  }
  const spread = Math.max(...medians) - Math.min(...medians)
  rows.push(['spread (max − min)', `${ms(spread)} (target < ${TARGET_SPREAD_MS} ms)`, pass(spread < TARGET_SPREAD_MS)])
  printTable(`Refused logins, ${ROUNDS} each`, rows)
  await payload.destroy()
  process.exit(0)
}

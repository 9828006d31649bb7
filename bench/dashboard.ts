/**
 * `npm run bench:dashboard`: does the editors' dashboard (admin/DeskDashboard.tsx) load in under a
 * second with 10,000 articles? Fills a fresh SQLite database through the Local API (articles in every
 * stage, some assigned, overdue, held or embargoed, a third published, most with a second version),
 * then times `deskOverview` (lib/content/desk.ts: every query the dashboard makes) as an editor,
 * and prints the median and worst of the samples beside the target. BENCH_DESK_ARTICLES=<n>
 * replaces 10,000 for a quicker run; BENCH_DESK_SAMPLES the number of samples (default 9).
 *
 * Runs itself inside `payload run` (NODE_ENV=production: the database is migrated as `npm start` does).
 */
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { median, printTable } from './support/report.ts'
import { benchEnv, makeTempDir } from './support/server.ts'

const ARTICLES = Number(process.env.BENCH_DESK_ARTICLES ?? 10_000)
const SAMPLES = Number(process.env.BENCH_DESK_SAMPLES ?? 9)
const TARGET_MS = 1_000
const ROOT = path.resolve(import.meta.dirname, '..')

if (process.env.BENCH_DESK_CHILD !== '1') {
  const dir = makeTempDir('masthead-bench-desk-')
  try {
    const env = { ...benchEnv(dir, 0, 'desk.db'), BENCH_DESK_CHILD: '1' }
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'payload'), ['run', 'bench/dashboard.ts'], { cwd: ROOT, env, stdio: 'inherit' })
    process.exitCode = result.status ?? 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
} else {
  await measure()
}

async function measure(): Promise<void> {
  const { getPayload } = await import('payload')
  const config = (await import('../payload.config.ts')).default
  const { deskOverview } = await import('../lib/content/desk.ts')
  const { STAGES } = await import('../lib/content/stages.ts')
  const { paragraphsToLexical } = await import('../lib/text/lexical.ts')
  const payload = await getPayload({ config })
  const context = { disableRevalidate: true }

  const editor = await payload.create({
    collection: 'users',
    data: { email: 'bench-editor@masthead.test', password: 'correct horse battery staple', name: 'Bench Editor', roles: ['editor'] },
  })
  const author = await payload.create({ collection: 'authors', data: { name: 'Bench Author' } })
  const hour = 3_600_000
  const started = performance.now()
  let next = 0
  const fill = async () => {
    for (let i = next++; i < ARTICLES; i = next++) {
      const published = i % 3 === 0
      const doc = await payload.create({
        collection: 'articles',
        context,
        draft: !published,
        data: {
          title: `Desk bench story ${i}`,
          authors: [author.id],
          body: paragraphsToLexical([`Paragraph of story ${i}.`]),
          _status: published ? 'published' : 'draft',
          stage: STAGES[i % STAGES.length]!.value,
          ...(i % 7 === 0 ? { assignee: editor.id, dueAt: new Date(Date.now() + ((i % 14) - 7) * hour).toISOString() } : {}),
          ...(!published && i % 50 === 1 ? { legalHold: true, legalHoldReason: 'Bench hold' } : {}),
          ...(!published && i % 60 === 2 ? { embargoUntil: new Date(Date.now() + 24 * hour).toISOString() } : {}),
        },
      })
      // A second version on most: the dashboard reads the latest of each.
      if (i % 4 !== 0) {
        await payload.update({ collection: 'articles', id: doc.id, context, draft: true, data: { standfirst: `Edited ${i}` } })
      }
    }
  }
  await Promise.all([fill(), fill(), fill(), fill()])
  const fillSeconds = (performance.now() - started) / 1000
  console.log(`[bench:dashboard] ${ARTICLES} articles in ${fillSeconds.toFixed(0)} s (${(ARTICLES / fillSeconds).toFixed(0)}/s)`)

  const user = { ...(await payload.findByID({ collection: 'users', id: editor.id })), collection: 'users' as const }
  await deskOverview(payload, user) // warm up (statements prepared, pages in cache)
  const times: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now()
    await deskOverview(payload, user)
    times.push(performance.now() - start)
  }
  const mid = median(times)
  const worst = Math.max(...times)
  printTable(`Editors' dashboard queries (deskOverview) at ${ARTICLES} articles, ${SAMPLES} samples`, [
    ['what', 'median', 'worst', 'target', 'verdict'],
    ['deskOverview', `${mid.toFixed(0)} ms`, `${worst.toFixed(0)} ms`, `< ${TARGET_MS} ms`, mid < TARGET_MS ? 'PASS' : 'FAIL'],
  ])
  await payload.destroy()
  process.exit(mid < TARGET_MS ? 0 : 1)
}

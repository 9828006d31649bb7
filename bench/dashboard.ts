/**
 * `npm run bench:dashboard`: does the editors' dashboard (admin/DeskDashboard.tsx) load in under a
 * second with 10,000 articles? Fills a fresh SQLite database through the importer's bulk path
 * (seed/importer/bulk.ts; its rate is printed) with articles in every stage, some assigned, overdue,
 * held or embargoed, a third published, most with a second version,
 * then times `deskOverview` (lib/content/desk.ts: every query the dashboard makes) as an editor,
 * and prints the median and worst of the samples beside the target. BENCH_DESK_ARTICLES=<n>
 * replaces 10,000 for a quicker run; BENCH_DESK_SAMPLES the number of samples (default 9).
 *
 * Runs itself inside `payload run` (NODE_ENV=production: the database is migrated as `npm start` does).
 */
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { rmSync } from 'node:fs'
import path from 'node:path'
import type { Batch } from '../seed/importer/bulk.ts'
import { median, printTable } from './support/report.ts'
import { benchEnv, makeTempDir } from './support/server.ts'

const ARTICLES = Number(process.env.BENCH_DESK_ARTICLES ?? 10_000)
const SAMPLES = Number(process.env.BENCH_DESK_SAMPLES ?? 9)
const TARGET_MS = 1_000
/** Articles per batch of the bulk path (nothing else uses the database while it is filled). */
const BATCH = 200
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
  const { slugify } = await import('../lib/text/slug.ts')
  const { writeBatch } = await import('../seed/importer/bulk.ts')
  const payload = await getPayload({ config })
  const context = { disableRevalidate: true }

  const editor = await payload.create({
    collection: 'users',
    data: { email: 'bench-editor@masthead.test', password: 'correct horse battery staple', name: 'Bench Editor', roles: ['editor'] },
  })
  const author = await payload.create({ collection: 'authors', data: { name: 'Bench Author' } })
  const hour = 3_600_000
  const started = performance.now()
  // Through the importer's bulk path (seed/importer/bulk.ts): batches in one transaction each, one
  // invalidation per batch; the published articles written together (direct.ts), the drafts and the
  // second versions through the Local API inside the batch's transaction.
  const indexes = Array.from({ length: ARTICLES }, (_, i) => i)
  const published = (i: number) => i % 3 === 0
  const desk = (i: number) => ({
    stage: STAGES[i % STAGES.length]!.value,
    ...(i % 7 === 0 ? { assignee: editor.id, dueAt: new Date(Date.now() + ((i % 14) - 7) * hour).toISOString() } : {}),
  })
  const title = (i: number) => `Desk bench story ${i}`
  const body = (i: number) => paragraphsToLexical([`Paragraph of story ${i}.`])
  const writeStory = async (i: number, batch?: Batch): Promise<void> => {
    const req = batch?.req()
    if (published(i) && batch?.articles) {
      await batch.articles.add({ title: title(i), slug: slugify(title(i)), authors: [author.id], body: body(i), publishedAt: new Date().toISOString(), ...desk(i) })
      return
    }
    const doc = await payload.create({
      collection: 'articles',
      context,
      draft: !published(i),
      data: {
        title: title(i),
        authors: [author.id],
        body: body(i),
        _status: published(i) ? 'published' : 'draft',
        ...desk(i),
        ...(!published(i) && i % 50 === 1 ? { legalHold: true, legalHoldReason: 'Bench hold' } : {}),
        ...(!published(i) && i % 60 === 2 ? { embargoUntil: new Date(Date.now() + 24 * hour).toISOString() } : {}),
      },
      ...(req ? { req } : {}),
    })
    if (i % 4 !== 0 && !published(i)) await secondVersion(doc.id, i, batch)
  }
  // A second version on most: the dashboard reads the latest of each.
  const secondVersion = async (id: number | string, i: number, batch?: Batch) => {
    const req = batch?.req()
    await payload.update({ collection: 'articles', id, context, draft: true, data: { standfirst: `Edited ${i}` }, ...(req ? { req } : {}) })
  }
  const ids = new Map<number, number | string>()
  for (let from = 0; from < ARTICLES; from += BATCH) {
    // Drafts first: the batch counts its new articles' ids on from the largest when it queues the first.
    const chunk = indexes.slice(from, from + BATCH).sort((a, b) => Number(published(a)) - Number(published(b)))
    const outcomes = await writeBatch(payload, chunk, (i, batch) => writeStory(i, batch))
    const failed = outcomes.find((outcome) => !outcome.ok)
    if (failed && !failed.ok) throw failed.error
  }
  // The published ones' second versions, once they are written (a batch writes its new articles at its end).
  const { docs } = await payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, select: { title: true }, pagination: false, depth: 0 })
  for (const doc of docs) ids.set(Number(doc.title.replace('Desk bench story ', '')), doc.id)
  const edited = [...ids].filter(([i]) => i % 4 !== 0)
  for (let from = 0; from < edited.length; from += BATCH) {
    const outcomes = await writeBatch(payload, edited.slice(from, from + BATCH), ([i, id], batch) => secondVersion(id, i, batch))
    const failed = outcomes.find((outcome) => !outcome.ok)
    if (failed && !failed.ok) throw failed.error
  }
  const fillSeconds = (performance.now() - started) / 1000
  console.log(`[bench:dashboard] ${ARTICLES} articles in ${fillSeconds.toFixed(0)} s (${(ARTICLES / fillSeconds).toFixed(0)}/s, bulk path, batches of ${BATCH}; 1-min load ${os.loadavg()[0]!.toFixed(2)})`)

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

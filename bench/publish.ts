/**
 * `npm run bench:publish`: how long after an editor presses Publish (REST `PATCH /api/articles/:id`
 * with `_status: 'published'`) an anonymous reader sees the article on its page and on the home
 * page, and how long after Unpublish it is gone from both. 20 publishes of one article, each followed
 * by an unpublish (BENCH_PUBLISHES=<n> to change). Timed from sending the PATCH to the first
 * anonymous response showing the new state; both pages are polled every 10 ms once the PATCH has
 * answered, for at most 10 s.
 *
 * BENCH_VARNISH=1: two server processes on one database with Varnish in front of both
 * (deploy/varnish/masthead.vcl). The editor works through process A; readers are timed on A, on
 * process B (which hears of the change through the database) and through Varnish (purged by key).
 *
 * Target: < 1 s to visible on both pages (max), median < 300 ms.
 */
import os from 'node:os'
import { paragraphsToLexical } from '../lib/text/lexical.ts'
import { api, login, median, ms, pass, printTable, timedGet } from './support/report.ts'
import { ADMIN_EMAIL, ADMIN_PASSWORD, helperPort, sleep, startServer, startSharedCacheTopology, varnishAvailable } from './support/server.ts'

const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20)
const WITH_VARNISH = process.env.BENCH_VARNISH === '1'
const POLL_INTERVAL_MS = 10
const POLL_LIMIT_MS = 10_000
const TARGET_MS = 1000
const TARGET_MEDIAN_MS = 300

/** Polls `url` until `done(response)` holds; the time (from `since`) of the first response that satisfies it. */
async function until(url: string, since: number, done: (status: number, text: string) => boolean): Promise<number> {
  while (performance.now() - since < POLL_LIMIT_MS) {
    const response = await timedGet(url, POLL_LIMIT_MS)
    if (done(response.status, response.text)) return response.endedAt - since
    await sleep(POLL_INTERVAL_MS)
  }
  return Number.POSITIVE_INFINITY
}

interface Sample {
  patch: number
  article: number
  home: number
}

interface Target {
  name: string
  url: string
}

async function main(): Promise<void> {
  if (WITH_VARNISH && !varnishAvailable()) throw new Error('BENCH_VARNISH=1 needs varnishd: apt-get install -y varnish varnish-modules')
  const varnishPort = WITH_VARNISH ? await helperPort('varnish') : 0
  const server = await startServer({ label: 'publish', env: WITH_VARNISH ? { PURGE_URLS: `http://127.0.0.1:${varnishPort}/` } : {} })
  const helpers: { stop(): Promise<void> }[] = []
  let ok = false
  try {
    const targets: Target[] = [{ name: WITH_VARNISH ? 'A (the editor’s process)' : 'server', url: server.url }]
    if (WITH_VARNISH) {
      const { second, varnish } = await startSharedCacheTopology(server, varnishPort, helpers)
      targets.push({ name: 'B (another process)', url: second }, { name: 'Varnish (A + B)', url: varnish })
    }
    const token = await login(server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    const { docs: authors } = await api<{ docs: { id: number }[] }>(server.url, token, 'GET', '/api/authors?limit=1&depth=0')
    const title = `Publish latency probe ${Date.now()}`
    const { doc } = await api(server.url, token, 'POST', '/api/articles?draft=true', {
      title,
      standfirst: 'A probe article for the publishing benchmark.',
      authors: [authors[0]!.id],
      section: 'politics',
      tags: ['Benchmark'],
      body: paragraphsToLexical(['The first paragraph of the probe.', 'The second paragraph.']),
      _status: 'draft',
    })
    const articlePath = `/articles/${doc.slug}`
    // Both pages rendered once before the first measurement, as on a running site (twice through
    // Varnish, so that both processes behind it have them).
    for (const target of targets) {
      for (let i = 0; i < 2; i++) {
        await timedGet(`${target.url}/`)
        await timedGet(`${target.url}${articlePath}`)
      }
    }

    const shown = (status: number, text: string) => status === 200 && text.includes(title)
    const gone = (status: number, text: string) => !text.includes(title) && (status === 404 || status === 200)
    const publishes = targets.map(() => [] as Sample[])
    const unpublishes = targets.map(() => [] as Sample[])
    const measure = async (status: 'published' | 'draft', into: Sample[][]): Promise<void> => {
      const started = performance.now()
      await api(server.url, token, 'PATCH', `/api/articles/${doc.id}`, { _status: status })
      const patch = performance.now() - started
      const wanted = status === 'published' ? shown : gone
      await Promise.all(
        targets.map(async (target, i) => {
          const [article, home] = await Promise.all([
            until(`${target.url}${articlePath}`, started, status === 'published' ? wanted : (code, text) => code === 404 && wanted(code, text)),
            until(`${target.url}/`, started, (code, text) => code === 200 && wanted(code, text)),
          ])
          into[i]!.push({ patch, article, home })
        }),
      )
    }
    for (let i = 0; i < PUBLISHES; i++) {
      await measure('published', publishes)
      await sleep(200)
      await measure('draft', unpublishes)
      await sleep(200)
      if ((i + 1) % 5 === 0) console.error(`[bench] ${i + 1}/${PUBLISHES} publish/unpublish cycles`)
    }

    const row = (label: string, target: Target, samples: Sample[]) => {
      const both = samples.map((s) => Math.max(s.article, s.home))
      const worst = Math.max(...both)
      return [
        label,
        target.name,
        samples.length,
        `${ms(median(samples.map((s) => s.patch)))} / ${ms(Math.max(...samples.map((s) => s.patch)))}`,
        `${ms(median(samples.map((s) => s.article)))} / ${ms(Math.max(...samples.map((s) => s.article)))}`,
        `${ms(median(samples.map((s) => s.home)))} / ${ms(Math.max(...samples.map((s) => s.home)))}`,
        `${ms(median(both))} / ${ms(worst)}`,
        pass(worst < TARGET_MS && median(both) < TARGET_MEDIAN_MS),
      ]
    }
    const topology = WITH_VARNISH ? 'two server processes on one database, Varnish in front; ' : ''
    printTable(`Publish → visible to an anonymous reader (${topology}median / max, from sending the PATCH; polled every ${POLL_INTERVAL_MS} ms; 1-min load ${os.loadavg()[0]!.toFixed(2)})`, [
      ['change', 'read through', 'n', 'PATCH answered', 'article page', 'home page', 'both pages', `target max < ${TARGET_MS} ms, median < ${TARGET_MEDIAN_MS} ms`],
      ...targets.map((target, i) => row('publish', target, publishes[i]!)),
      ...targets.map((target, i) => row('unpublish', target, unpublishes[i]!)),
    ])
    ok = true
  } finally {
    for (const helper of helpers.reverse()) await helper.stop()
    await server.stop({ keepDir: !ok })
  }
}

await main()
process.exit(0)

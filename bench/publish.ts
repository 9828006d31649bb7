/**
 * `npm run bench:publish`: how long after an editor presses Publish (REST `PATCH /api/articles/:id`
 * with `_status: 'published'`) an anonymous reader sees the article on its page and on the home
 * page, and how long after Unpublish it is gone from both. 20 publishes of one article, each followed
 * by an unpublish (BENCH_PUBLISHES=<n> to change). Timed from sending the PATCH to the first
 * anonymous response showing the new state; both pages are polled every 10 ms once the PATCH has
 * answered, for at most 10 s.
 *
 * Target: < 1 s to visible on both pages (median and max).
 */
import { paragraphsToLexical } from '../lib/lexical.ts'
import { api, login, median, ms, pass, printTable, timedGet } from './support/report.ts'
import { ADMIN_EMAIL, ADMIN_PASSWORD, sleep, startServer } from './support/server.ts'

const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 20)
const POLL_INTERVAL_MS = 10
const POLL_LIMIT_MS = 10_000
const TARGET_MS = 1000

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

async function main(): Promise<void> {
  const server = await startServer({ label: 'publish' })
  let ok = false
  try {
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
    const articleUrl = `${server.url}/articles/${doc.slug}`
    const homeUrl = `${server.url}/`
    // Both pages rendered once before the first measurement, as on a running site.
    await timedGet(homeUrl)
    await timedGet(articleUrl)

    const shown = (status: number, text: string) => status === 200 && text.includes(title)
    const gone = (status: number, text: string) => !text.includes(title) && (status === 404 || status === 200)
    const publishes: Sample[] = []
    const unpublishes: Sample[] = []
    const measure = async (status: 'published' | 'draft'): Promise<Sample> => {
      const started = performance.now()
      await api(server.url, token, 'PATCH', `/api/articles/${doc.id}`, { _status: status })
      const patch = performance.now() - started
      const wanted = status === 'published' ? shown : gone
      const [article, home] = await Promise.all([
        until(articleUrl, started, status === 'published' ? wanted : (code, text) => code === 404 && wanted(code, text)),
        until(homeUrl, started, (code, text) => code === 200 && wanted(code, text)),
      ])
      return { patch, article, home }
    }
    for (let i = 0; i < PUBLISHES; i++) {
      publishes.push(await measure('published'))
      await sleep(200)
      unpublishes.push(await measure('draft'))
      await sleep(200)
      if ((i + 1) % 5 === 0) console.error(`[bench] ${i + 1}/${PUBLISHES} publish/unpublish cycles`)
    }

    const row = (label: string, samples: Sample[]) => {
      const both = samples.map((s) => Math.max(s.article, s.home))
      const worst = Math.max(...both)
      return [
        label,
        samples.length,
        `${ms(median(samples.map((s) => s.patch)))} / ${ms(Math.max(...samples.map((s) => s.patch)))}`,
        `${ms(median(samples.map((s) => s.article)))} / ${ms(Math.max(...samples.map((s) => s.article)))}`,
        `${ms(median(samples.map((s) => s.home)))} / ${ms(Math.max(...samples.map((s) => s.home)))}`,
        `${ms(median(both))} / ${ms(worst)}`,
        pass(worst < TARGET_MS),
      ]
    }
    printTable(`Publish → visible to an anonymous reader (median / max, from sending the PATCH; polled every ${POLL_INTERVAL_MS} ms)`, [
      ['change', 'n', 'PATCH answered', 'article page', 'home page', 'both pages', `target < ${TARGET_MS} ms (max)`],
      row('publish', publishes),
      row('unpublish', unpublishes),
    ])
    ok = true
  } finally {
    await server.stop({ keepDir: !ok })
  }
}

await main()
process.exit(0)

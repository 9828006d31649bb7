/**
 * `npm run bench:soak`: five minutes (BENCH_SOAK_SECONDS=<n>) of mixed anonymous reader traffic on
 * every page type, from a few concurrent loops, while an editor keeps publishing, redrafting and
 * unpublishing one dedicated article. Every reader response is checked:
 *
 *   - no 5xx, and every page answers the status it should (404 only for the missing page, and for
 *     the dedicated article while it is unpublished);
 *   - no unpublished article: while the dedicated article is unpublished, neither its headline nor
 *     its URL may appear in any response that started after the unpublish call returned (and
 *     finished before the next publish call was sent);
 *   - no draft, ever: a newer draft saved on top of the published article carries a marker that must
 *     never appear in any reader response;
 *
 * and the server's memory is read at the start, middle and end: its resident set (from /proc), and
 * as the process itself reports it (heap used, external memory, the page cache's bytes). Target: RSS
 * ≤ 300 MiB at the end, the page cache full.
 *
 * BENCH_VARNISH=1: two server processes on one database with Varnish in front of both; the editor
 * works through process A, the reader loops read through Varnish, B and A. A change must then show
 * everywhere within a second: the checks start 1 s after the editor's call returned, and also count
 * stale pages (the probe missing although published for a second).
 */
import { paragraphsToLexical } from '../lib/text/lexical.ts'
import { rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { api, login, ms, pass, percentile, printTable, secondsFromEnv, timedGet } from './support/report.ts'
import { ADMIN_EMAIL, ADMIN_PASSWORD, helperPort, makeTempDir, residentSet, SEED_ARTICLE, sleep, startServer, startSharedCacheTopology, varnishAvailable } from './support/server.ts'
import type { ResidentSet } from './support/resident.ts'

const SECONDS = secondsFromEnv('BENCH_SOAK_SECONDS', 300)
const TARGET_RSS_MIB = 300

interface ServerMemory {
  rss: number
  heapUsed: number
  heapTotal: number
  external: number
  arrayBuffers: number
  pageCacheBytes: number
  pageCachePages: number
}

/** The server's latest memory report (server/server.ts writes one a second when MASTHEAD_MEMORY_REPORT names a file). */
async function serverMemory(file: string): Promise<ServerMemory | null> {
  await sleep(1100)
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ServerMemory
  } catch {
    return null
  }
}
const READERS = 4
const EDITOR_STEP_MS = 2000
const FILLER_ARTICLES = 14
const WITH_VARNISH = process.env.BENCH_VARNISH === '1'
/** How long after the editor's call returns a change may take to reach every reader (other processes, Varnish). */
const GRACE_MS = WITH_VARNISH ? 1000 : 0

interface PageStats {
  requests: number
  latencies: number[]
  serverErrors: number
  unexpected: number
  failed: number
  leaks: number
}

async function main(): Promise<void> {
  if (WITH_VARNISH && !varnishAvailable()) throw new Error('BENCH_VARNISH=1 needs varnishd: apt-get install -y varnish varnish-modules')
  const varnishPort = WITH_VARNISH ? await helperPort('varnish') : 0
  const reportFile = path.join(makeTempDir('masthead-soak-memory-'), 'memory.json')
  const server = await startServer({
    label: 'soak',
    env: { MASTHEAD_MEMORY_REPORT: reportFile, ...(WITH_VARNISH ? { PURGE_URLS: `http://127.0.0.1:${varnishPort}/` } : {}) },
  })
  const helpers: { stop(): Promise<void> }[] = []
  let ok = false
  try {
    /** Where the reader loops read: reader n reads through targets[n % targets.length]. */
    const targets = [{ name: WITH_VARNISH ? 'A' : 'server', url: server.url }]
    if (WITH_VARNISH) {
      const { second, varnish } = await startSharedCacheTopology(server, varnishPort, helpers)
      targets.unshift({ name: 'Varnish', url: varnish }, { name: 'B', url: second })
    }
    const perTarget = new Map(targets.map((target) => [target.name, 0]))
    const token = await login(server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    const { docs: authors } = await api<{ docs: { id: number; slug: string }[] }>(server.url, token, 'GET', '/api/authors?limit=1&depth=0')
    const author = authors[0]!
    const stamp = Date.now()
    const common = { authors: [author.id], section: 'politics', tags: ['Soak desk'] }

    // Enough published articles for a second page of the listings (named for this run: a rerun in the
    // same BENCH_DIR finds the last run's).
    let filler = ''
    let fillerMonth = ''
    for (let i = 0; i < FILLER_ARTICLES; i++) {
      const { doc } = await api<{ doc: { slug: string; publishedMonth: string } }>(server.url, token, 'POST', '/api/articles', {
        ...common,
        title: `Soak filler story ${i + 1} of ${stamp}`,
        standfirst: `Filler standfirst ${i + 1}.`,
        body: paragraphsToLexical([`Filler body ${i + 1}.`]),
        _status: 'published',
      })
      filler = doc.slug
      fillerMonth = doc.publishedMonth
    }
    // The dedicated article: a draft to begin with.
    const title = `Soak probe headline ${stamp}`
    const marker = `DRAFTONLYMARKER${stamp}`
    const publicStandfirst = 'The published standfirst of the probe.'
    const { doc: probe } = await api(server.url, token, 'POST', '/api/articles?draft=true', {
      ...common,
      title,
      standfirst: publicStandfirst,
      body: paragraphsToLexical(['The probe body.']),
      _status: 'draft',
    })
    const probePath = `/articles/${probe.slug}`
    /** Stretches of time in which the probe is unpublished: from the unpublish call's return (+ GRACE_MS) to the next publish call. */
    const unpublished: { start: number; end: number | null }[] = [{ start: performance.now(), end: null }]
    /** …and published: from the publish call's return (+ GRACE_MS) to the next unpublish call. */
    const published: { start: number; end: number | null }[] = []

    const pages: { name: string; path: string; expect: number | 'probe' }[] = [
      { name: 'home', path: '/', expect: 200 },
      { name: 'home page 2', path: '/page/2', expect: 200 },
      { name: 'article (seed)', path: SEED_ARTICLE, expect: 200 },
      { name: 'article (filler)', path: `/articles/${filler}`, expect: 200 },
      { name: 'article (probe)', path: probePath, expect: 'probe' },
      { name: 'author', path: `/authors/${author.slug}`, expect: 200 },
      { name: 'section', path: '/sections/politics', expect: 200 },
      { name: 'section page 2', path: '/sections/politics/page/2', expect: 200 },
      { name: 'tag', path: '/tags/soak-desk', expect: 200 },
      { name: 'feed', path: '/feed.xml', expect: 200 },
      { name: 'sitemap', path: '/sitemap.xml', expect: 200 },
      { name: 'sitemap articles (the fillers’ month)', path: `/sitemaps/articles-${fillerMonth}.xml`, expect: 200 },
      { name: 'news sitemap', path: '/news-sitemap.xml', expect: 200 },
      { name: 'robots', path: '/robots.txt', expect: 200 },
      { name: '404', path: `/no-such-page-${stamp}`, expect: 404 },
    ]
    const stats = new Map<string, PageStats>(
      pages.map((page) => [page.name, { requests: 0, latencies: [], serverErrors: 0, unexpected: 0, failed: 0, leaks: 0 }]),
    )
    const problems: string[] = []
    const note = (message: string) => {
      if (problems.length < 20) problems.push(message)
    }
    let markerLeaks = 0
    let unpublishedLeaks = 0
    let stale = 0
    let ambiguous = 0
    /** Positive control: responses that showed the probe while it was live (the detector must see it at all). */
    let seenLive = 0

    const check = (page: (typeof pages)[number], status: number, text: string, startedAt: number, endedAt: number) => {
      const stat = stats.get(page.name)!
      if (status >= 500) {
        stat.serverErrors++
        note(`${page.path} → ${status} at ${((startedAt - t0) / 1000).toFixed(1)} s`)
      } else if (page.expect === 'probe' ? status !== 200 && status !== 404 : status !== page.expect) {
        stat.unexpected++
        note(`${page.path} → ${status} (expected ${page.expect})`)
      }
      if (page.expect === 'probe' && status === 404) {
        const window = published.find((w) => w.start <= startedAt && (w.end === null || endedAt <= w.end))
        if (window) {
          stale++
          stat.leaks++
          note(`${page.path} still 404 ${(startedAt - window.start + GRACE_MS).toFixed(0)} ms after its publish returned`)
        }
      }
      if (text.includes(marker)) {
        markerLeaks++
        stat.leaks++
        note(`draft marker served on ${page.path} (status ${status})`)
      }
      if (text.includes(title) || text.includes(probePath)) {
        const window = unpublished.find((w) => w.start <= startedAt && (w.end === null || startedAt < w.end))
        if (window) {
          if (window.end === null || endedAt <= window.end) {
            unpublishedLeaks++
            stat.leaks++
            note(`unpublished probe served on ${page.path} (status ${status}), request started ${(startedAt - window.start + GRACE_MS).toFixed(0)} ms after the unpublish returned`)
          } else {
            ambiguous++ // started while unpublished, but a publish began before it finished
          }
        } else {
          seenLive++
        }
      }
    }

    // Warm every page once, then take the first memory reading.
    for (const target of targets) for (const page of pages) await timedGet(`${target.url}${page.path}`)
    const serverPid = server.serverPid()
    const rss = { start: residentSet(serverPid), middle: null as ResidentSet | null, end: null as ResidentSet | null, max: residentSet(serverPid)?.total ?? 0 }
    const inside = { start: await serverMemory(reportFile), middle: null as ServerMemory | null, end: null as ServerMemory | null }
    const t0 = performance.now()
    const deadline = t0 + SECONDS * 1000
    console.error(`[bench] soak for ${SECONDS} s: ${READERS} reader loops over ${pages.length} pages, an editor toggling ${probePath}`)

    const reader = async (n: number) => {
      const target = targets[n % targets.length]!
      const offset = n * 3
      // Bounded by the deadline and, as a safety net, by a request count no real run reaches.
      for (let i = offset; i < 10_000_000 && performance.now() < deadline; i++) {
        const page = pages[i % pages.length]!
        const startedAt = performance.now()
        try {
          const response = await timedGet(`${target.url}${page.path}`, 30_000)
          perTarget.set(target.name, perTarget.get(target.name)! + 1)
          stats.get(page.name)!.requests++
          stats.get(page.name)!.latencies.push(response.ms)
          check(page, response.status, response.text, response.startedAt, response.endedAt)
        } catch (error) {
          stats.get(page.name)!.failed++
          note(`${page.path}: ${(error as Error).message} after ${(performance.now() - startedAt).toFixed(0)} ms`)
        }
      }
    }

    let cycles = 0
    const editor = async () => {
      for (let i = 0; i < 1_000_000 && performance.now() < deadline; i++) {
        // Publish, with the public text given explicitly (so the marker draft below never goes live).
        unpublished[unpublished.length - 1]!.end = performance.now()
        await api(server.url, token, 'PATCH', `/api/articles/${probe.id}`, { _status: 'published', title, standfirst: publicStandfirst })
        published.push({ start: performance.now() + GRACE_MS, end: null })
        await sleep(EDITOR_STEP_MS)
        // A newer draft on top of the published version: private.
        await api(server.url, token, 'PATCH', `/api/articles/${probe.id}?draft=true`, { standfirst: `Rewrite ${marker}` })
        await sleep(EDITOR_STEP_MS)
        // Unpublish: from the moment this returns (+ GRACE_MS), readers must never see the probe.
        published[published.length - 1]!.end = performance.now()
        await api(server.url, token, 'PATCH', `/api/articles/${probe.id}`, { _status: 'draft' })
        unpublished.push({ start: performance.now() + GRACE_MS, end: null })
        cycles++
        await sleep(EDITOR_STEP_MS)
      }
    }

    const memory = async () => {
      for (let i = 0; i < 100_000 && performance.now() < deadline; i++) {
        await sleep(Math.min(5_000, Math.max(0, deadline - performance.now())))
        const now = residentSet(serverPid)
        if (now !== null) rss.max = Math.max(rss.max, now.total)
        if (rss.middle === null && performance.now() - t0 >= (SECONDS * 1000) / 2) {
          rss.middle = now
          inside.middle = await serverMemory(reportFile)
        }
      }
    }

    await Promise.all([...Array.from({ length: READERS }, (_, n) => reader(n)), editor(), memory()])
    // The end reading with the page cache full again (the editor's last change emptied part of it).
    for (const target of targets) for (const page of pages) await timedGet(`${target.url}${page.path}`)
    rss.end = residentSet(serverPid)
    inside.end = await serverMemory(reportFile)

    const rows: (string | number)[][] = [['page', 'path', 'requests', 'p50', 'p99', '5xx', 'wrong status', 'failed', 'leaks']]
    const all: number[] = []
    let total = 0
    let serverErrors = 0
    let wrong = 0
    let failed = 0
    for (const page of pages) {
      const stat = stats.get(page.name)!
      all.push(...stat.latencies)
      total += stat.requests
      serverErrors += stat.serverErrors
      wrong += stat.unexpected
      failed += stat.failed
      rows.push([page.name, page.path.length > 48 ? `${page.path.slice(0, 45)}...` : page.path, stat.requests, ms(percentile(stat.latencies, 50)), ms(percentile(stat.latencies, 99)), stat.serverErrors, stat.unexpected, stat.failed, stat.leaks])
    }
    rows.push(['all', '', total, ms(percentile(all, 50)), ms(percentile(all, 99)), serverErrors, wrong, failed, markerLeaks + unpublishedLeaks])
    const topology = WITH_VARNISH ? `two server processes + Varnish; requests through ${[...perTarget].map(([name, n]) => `${name} ${n}`).join(', ')}; ` : ''
    printTable(`Soak: ${SECONDS} s, ${READERS} reader loops, ${cycles} publish → draft-on-top → unpublish cycles by the editor (${topology}1-min load ${os.loadavg()[0]!.toFixed(2)})`, rows)
    const mib = (value: number | null | undefined) => (value == null ? '–' : `${value.toFixed(0)} MiB`)
    printTable('Checks', [
      ['check', 'figure', 'target', 'result'],
      ['5xx responses', serverErrors, '0', pass(serverErrors === 0)],
      ['wrong status / failed requests', `${wrong} / ${failed}`, '0 / 0', pass(wrong === 0 && failed === 0)],
      [`unpublished probe served ${GRACE_MS} ms after unpublish returned`, unpublishedLeaks, '0', pass(unpublishedLeaks === 0)],
      ['draft-only marker served', markerLeaks, '0', pass(markerLeaks === 0)],
      [`probe still missing ${GRACE_MS} ms after its publish returned (stale)`, stale, '0', pass(stale === 0)],
      ['(responses racing a publish, not judged)', ambiguous, '', ''],
      ['(control: responses showing the probe while published)', seenLive, '> 0', pass(seenLive > 0)],
      [`server RSS (pid ${serverPid ?? '?'}) start / middle / end (max)`, `${mib(rss.start?.total)} / ${mib(rss.middle?.total)} / ${mib(rss.end?.total)} (${mib(rss.max)})`, `≤ ${TARGET_RSS_MIB} MiB at the end`, rss.end === null ? '–' : pass(rss.end.total <= TARGET_RSS_MIB)],
    ])
    const bytes = (value: number | undefined) => (value === undefined ? '–' : `${(value / 2 ** 20).toFixed(1)} MiB`)
    printTable('Server memory, as the process reports it (MASTHEAD_MEMORY_REPORT)', [
      ['when', 'RSS', 'anon / file (/proc)', 'JS heap used / total', 'external (of which ArrayBuffers)', 'page cache (pages)'],
      ...(['start', 'middle', 'end'] as const).map((when) => {
        const m = inside[when]
        return [when, bytes(m?.rss), `${mib(rss[when]?.anon)} / ${mib(rss[when]?.file)}`, `${bytes(m?.heapUsed)} / ${bytes(m?.heapTotal)}`, `${bytes(m?.external)} (${bytes(m?.arrayBuffers)})`, m ? `${bytes(m.pageCacheBytes)} (${m.pageCachePages})` : '–']
      }),
    ])
    if (problems.length > 0) console.log(`\nFirst problems seen:\n  ${problems.join('\n  ')}`)
    ok = true
  } finally {
    for (const helper of helpers.reverse()) await helper.stop()
    await server.stop({ keepDir: !ok })
    rmSync(path.dirname(reportFile), { recursive: true, force: true })
  }
}

await main()
process.exit(0)

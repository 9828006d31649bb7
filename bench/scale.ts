/**
 * `npm run bench:scale`: does the site slow down as the archive grows? The same pages are timed on a
 * database of 100 articles (2 authors, 10 photos) and on one of 100,000 (2,000 authors, 10,000
 * photos), each filled by bench/scale-generate.ts through the importer's bulk path (its
 * articles-per-second rate is printed beside its target, ≥ 300). BENCH_SCALE_ARTICLES=<n> replaces
 * 100,000 (authors and photos scale with it) for a quicker run.
 *
 * What is timed is a render, not a cache hit. Reader pages are cached until a change expires their
 * tags, and the home page, the feed and the sitemap are even prerendered by the build; so each sample
 * is: an editor publishes or unpublishes one article through REST (which expires `articles:latest`
 * and the tags of its author, section and tags), then each page is requested once, anonymously —
 * that first request renders the page and its queries again. Each answer is checked to show the
 * change (so it cannot have come from the cache), its cache header (`x-page-cache` for pages, `x-nextjs-cache` for feeds and sitemaps) is recorded, and the
 * median of the samples is reported, beside a cached (second) request for reference.
 * Each database gets its own build, so no cache entry crosses from one to the other.
 *
 * Targets: for every page, uncached median at 100,000 / at 100 ≤ 1.5, and under 100 ms. The sitemap
 * index is such a page; the sitemap part it lists that holds the toggled article is timed as well,
 * but a part lists up to a fixed number of articles (100 at 100, thousands at 100,000), so it is
 * shown without a ratio target. The admin's articles list (newest first, drafts included) is timed
 * as the REST read it makes, signed in.
 */
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { toW3CDateTime } from '../lib/text/format.ts'
import { api, login, median, ms, pass, printTable, timedGet, type Timed } from './support/report.ts'
import { ADMIN_EMAIL, ADMIN_PASSWORD, benchEnv, makeTempDir, runScript, startServer, type BenchServer } from './support/server.ts'

const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 7)
/** Sampling stops early (after at least 3 samples) once this many seconds have gone by. */
const BUDGET_S = Number(process.env.BENCH_SCALE_BUDGET_SECONDS ?? 900)
const REQUEST_TIMEOUT_MS = 300_000
const LARGE = Number(process.env.BENCH_SCALE_ARTICLES ?? 100_000)
const TARGET_RATIO = 1.5
/** Every page, uncached, at the larger size. */
const TARGET_MS = 100
/** Articles per second through the importer's bulk path (issue 18). */
const TARGET_IMPORT_RATE = 300
const PAGE_SIZE = 12
/** One build folder per database: the two servers run at the same time. */
const DIST_DIRS = ['.next-bench', '.next-bench-large'] as const
const dbFile = (phase: { articles: number }) => `scale-${phase.articles}.db`

interface Phase {
  articles: number
  authors: number
  photos: number
}
const PHASES: Phase[] = [
  { articles: 100, authors: 2, photos: 10 },
  { articles: LARGE, authors: Math.max(2, Math.round(LARGE / 50)), photos: Math.max(10, Math.round(LARGE / 10)) },
]

interface Target {
  name: string
  path: string
  /** Whether the page, as served, reflects the toggled article's current state (null: the page cannot show it). */
  fresh: ((response: Timed, live: boolean) => boolean) | null
  /** A sitemap part lists up to a fixed number of URLs, so its cost grows until then: shown, not held to the ratio. */
  bounded?: true
  /** Asked for as the signed-in editor (the admin's own reads), not anonymously. */
  token?: true
}

interface PhaseResult {
  phase: Phase
  generation: string
  targets: Target[]
  uncached: Map<string, number[]>
  cached: Map<string, number[]>
  headers: Map<string, string[]>
  stale: Map<string, number>
  notes: string[]
}

type Doc = { id: number; slug: string; title: string; authors: number[]; tagSlugs?: string[]; section?: string }

interface Bench {
  result: PhaseResult
  warm(): Promise<void>
  sample(): Promise<void>
  restore(): Promise<void>
}

/** Finds the pages to time on one server; `sample()` then takes one uncached (and one cached) timing of each. */
async function prepare(server: BenchServer, phase: Phase, generation: string): Promise<Bench> {
  const token = await login(server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
  // The toggled article: the newest generated one (so it shows on the home page, its author's and its tag's pages).
  const { docs } = await api<{ docs: Doc[] }>(server.url, token, 'GET', '/api/articles?where[slug][like]=bench-story&sort=-publishedAt&limit=1&depth=0')
  const toggled = docs[0]!
  const authorId = toggled.authors[0]!
  const author = await api<{ slug: string }>(server.url, token, 'GET', `/api/authors/${authorId}?depth=0`)
  const tag = toggled.tagSlugs![0]!
  const { docs: others, totalDocs: byAuthor } = await api<{ docs: Doc[]; totalDocs: number }>(
    server.url,
    token,
    'GET',
    `/api/articles?where[authors][in]=${authorId}&where[id][not_equals]=${toggled.id}&where[_status][equals]=published&sort=-publishedAt&limit=20&depth=0`,
  )
  // An article whose first author is that author: its "More by" rail lists the toggled article.
  const other = others.find((doc) => doc.authors[0] === authorId) ?? others[0]!
  const { totalDocs: byTag } = await api<{ totalDocs: number }>(server.url, token, 'GET', `/api/articles?where[tagSlugs][in]=${tag}&where[_status][equals]=published&limit=1&depth=0`)
  const { totalDocs: published } = await api<{ totalDocs: number }>(server.url, token, 'GET', '/api/articles?where[_status][equals]=published&limit=1&depth=0')
  // The deepest listing page that exists whether or not the toggled article is published.
  const deep = Math.ceil((published - 1) / PAGE_SIZE)
  const { totalDocs: bySection } = await api<{ totalDocs: number }>(server.url, token, 'GET', `/api/articles?where[section][equals]=${toggled.section}&where[_status][equals]=published&limit=1&depth=0`)
  const articleUrl = `/articles/${toggled.slug}`
  const has = (text: string) => text.includes(toggled.title)
  const hasUrl = (text: string) => text.includes(articleUrl)
  const part = await sitemapPartListing(server.url, articleUrl)
  // The index dates each part by the latest update among its articles: the toggled article's, while published.
  let toggledLastmod = ''

  const targets: Target[] = [
    { name: 'home', path: '/', fresh: (r, live) => has(r.text) === live },
    { name: `home page ${deep} (the deepest)`, path: `/page/${deep}`, fresh: null },
    { name: `author (${byAuthor + 1} articles)`, path: `/authors/${author.slug}`, fresh: (r, live) => has(r.text) === live },
    { name: `section (${bySection} articles)`, path: `/sections/${toggled.section}`, fresh: (r, live) => has(r.text) === live },
    { name: `tag (${byTag} articles)`, path: `/tags/${tag}`, fresh: (r, live) => has(r.text) === live },
    { name: 'article by that author', path: `/articles/${other.slug}`, fresh: (r, live) => has(r.text) === live },
    { name: 'feed.xml', path: '/feed.xml', fresh: (r, live) => hasUrl(r.text) === live },
    // A search for the toggled article's tag, newest first: it heads the results while published.
    { name: `search (the tag, by date)`, path: `/search?q=${tag}&sort=date`, fresh: (r, live) => has(r.text) === live },
    { name: 'sitemap.xml (index)', path: '/sitemap.xml', fresh: (r, live) => r.text.includes(`<lastmod>${toggledLastmod}</lastmod>`) === live },
    { name: `sitemap part (${part.urls} articles)`, path: part.path, fresh: (r, live) => hasUrl(r.text) === live, bounded: true },
    // What the admin's articles list asks for (newest first, drafts included), as a signed-in editor.
    { name: 'admin articles list by date', path: '/api/articles?sort=-publishedAt&limit=10&depth=0&draft=true', fresh: (r) => r.text.includes(toggled.title), token: true },
    // The admin's home: the editors' desk (admin/DeskDashboard.tsx) above the collection cards. Never
    // cached, and the toggled article is on it either way (just published, or a draft in its stage).
    { name: "editors' dashboard (/admin)", path: '/admin', fresh: null, token: true },
  ]
  const result: PhaseResult = {
    phase,
    generation,
    targets,
    uncached: new Map(targets.map((t) => [t.name, []])),
    cached: new Map(targets.map((t) => [t.name, []])),
    headers: new Map(targets.map((t) => [t.name, []])),
    stale: new Map(targets.map((t) => [t.name, 0])),
    notes: [`toggled ${articleUrl}; ${published} published articles`],
  }

  let live = true
  const toggle = async () => {
    live = !live
    const { doc } = await api<{ doc: { updatedAt: string } }>(server.url, token, 'PATCH', `/api/articles/${toggled.id}`, { _status: live ? 'published' : 'draft' })
    toggledLastmod = toW3CDateTime(doc.updatedAt)
  }
  return {
    result,
    // Not measured: every page rendered once (code loaded, JIT warm).
    async warm() {
      await toggle()
      for (const target of targets) await timedGet(`${server.url}${target.path}`, REQUEST_TIMEOUT_MS, target.token ? { Authorization: `JWT ${token}` } : {})
    },
    async sample() {
      await toggle()
      for (const target of targets) {
        const first = await timedGet(`${server.url}${target.path}`, REQUEST_TIMEOUT_MS, target.token ? { Authorization: `JWT ${token}` } : {})
        if (first.status !== 200) throw new Error(`${target.path} answered ${first.status}`)
        result.uncached.get(target.name)!.push(first.ms)
        result.headers.get(target.name)!.push(first.headers.get('x-page-cache') ?? first.headers.get('x-nextjs-cache') ?? 'none')
        if (target.fresh && !target.fresh(first, live)) result.stale.set(target.name, result.stale.get(target.name)! + 1)
      }
      for (const target of targets) {
        const again = await timedGet(`${server.url}${target.path}`, REQUEST_TIMEOUT_MS, target.token ? { Authorization: `JWT ${token}` } : {})
        result.cached.get(target.name)!.push(again.ms)
      }
    },
    async restore() {
      if (!live) await toggle()
    },
  }
}

/** The articles part of the sitemap index that lists `articleUrl`, and how many articles it lists. */
async function sitemapPartListing(serverUrl: string, articleUrl: string): Promise<{ path: string; urls: number }> {
  const index = await timedGet(`${serverUrl}/sitemap.xml`, REQUEST_TIMEOUT_MS)
  const parts = [...index.text.matchAll(/<loc>([^<]+\/sitemaps\/articles-\d{4}-\d{2}\.xml)<\/loc>/g)].map((match) => new URL(match[1]!).pathname)
  // The toggled article is among the newest, so in one of the last parts.
  for (const path of parts.reverse()) {
    const { text } = await timedGet(`${serverUrl}${path}`, REQUEST_TIMEOUT_MS)
    const urls = text.split('<url>').length - 1
    if (!text.includes(articleUrl)) continue
    // Unpublished, it would leave an empty part, which is a 404.
    if (urls < 2) throw new Error(`${articleUrl} is alone in ${path}: choose another BENCH_SCALE_ARTICLES`)
    return { path, urls }
  }
  throw new Error(`no part of ${serverUrl}/sitemap.xml lists ${articleUrl}`)
}

function tally(values: string[]): string {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].map(([value, count]) => `${value}×${count}`).join(' ')
}

async function main(): Promise<void> {
  // BENCH_DIR keeps the generated databases for another run (generation then only tops up).
  const root = process.env.BENCH_DIR ? path.resolve(process.env.BENCH_DIR) : makeTempDir('masthead-bench-scale-')
  const servers: BenchServer[] = []
  let ok = false
  try {
    const phaseDir = (phase: Phase) => path.join(root, `${phase.articles}-articles`)
    const generated: string[] = []
    for (const [index, phase] of PHASES.entries()) {
      console.error(`\n[bench] === generating ${phase.articles} articles, ${phase.authors} authors, ${phase.photos} photos ===`)
      mkdirSync(phaseDir(phase), { recursive: true })
      const env = benchEnv(phaseDir(phase), 0, dbFile(phase), DIST_DIRS[index])
      await runScript('seed/seed.ts', ['--if-empty'], env)
      const started = performance.now()
      const output = await runScript('bench/scale-generate.ts', ['--articles', String(phase.articles), '--authors', String(phase.authors), '--photos', String(phase.photos)], env)
      // The generator's last progress line of articles: the bulk import's rate over this run.
      const rate = [...output.matchAll(/^articles: \d+\/\d+ +\(([\d.]+) per second/gm)].at(-1)?.[1]
      generated.push(
        `${phase.articles} articles, ${phase.authors} authors, ${phase.photos} photos (generating or topping up took ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
          `bulk import ${rate ? `${rate} articles/s` : 'not run: already there'}, target ≥ ${TARGET_IMPORT_RATE}${rate ? ` ${pass(Number(rate) >= TARGET_IMPORT_RATE)}` : ''}; 1-min load ${os.loadavg()[0]!.toFixed(2)})`,
      )
    }
    // Both servers run side by side (each with its own build) and are sampled in turn, so that
    // whatever else the machine is doing weighs on both sizes alike.
    for (const [index, phase] of PHASES.entries()) {
      const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) + index : undefined
      servers.push(await startServer({ dir: phaseDir(phase), dbFile: dbFile(phase), distDir: DIST_DIRS[index], port, label: `${phase.articles} articles` }))
    }
    const benches = await Promise.all(PHASES.map((phase, index) => prepare(servers[index]!, phase, generated[index]!)))
    for (const bench of benches) await bench.warm()
    const sampling = performance.now()
    let taken = 0
    for (let sample = 0; sample < SAMPLES; sample++) {
      if (sample >= 3 && performance.now() - sampling > BUDGET_S * 1000) {
        console.error(`[bench] stopping after ${sample} samples: the ${BUDGET_S} s budget is spent`)
        break
      }
      taken++
      const order = sample % 2 === 0 ? benches : [...benches].reverse()
      for (const bench of order) await bench.sample()
      console.error(`[bench] sample ${sample + 1}/${SAMPLES}, 1-min load average ${os.loadavg()[0]!.toFixed(2)}`)
    }
    for (const bench of benches) await bench.restore()
    const results = benches.map((bench) => bench.result)

    const [small, large] = results as [PhaseResult, PhaseResult]
    const rows: (string | number)[][] = [
      ['page', `path at ${small.phase.articles}`, `path at ${large.phase.articles}`, `uncached at ${small.phase.articles}`, `uncached at ${large.phase.articles}`, 'ratio', `target ≤ ${TARGET_RATIO}`, `target < ${TARGET_MS} ms`, 'cached (2nd request)', 'first-request cache header', 'stale answers'],
    ]
    for (let i = 0; i < small.targets.length; i++) {
      const a = small.targets[i]!
      const b = large.targets[i]!
      const u1 = median(small.uncached.get(a.name)!)
      const u2 = median(large.uncached.get(b.name)!)
      const ratio = u2 / u1
      rows.push([
        b.name.replace(/\(\d+ articles\)/, '').trim(),
        `${a.path.slice(0, 32)}${a.name.match(/\(\d+ articles\)/)?.[0] ? ` ${a.name.match(/\(\d+ articles\)/)![0]}` : ''}`,
        `${b.path.slice(0, 32)}${b.name.match(/\(\d+ articles\)/)?.[0] ? ` ${b.name.match(/\(\d+ articles\)/)![0]}` : ''}`,
        ms(u1),
        ms(u2),
        ratio.toFixed(2),
        b.bounded ? 'bounded part' : pass(ratio <= TARGET_RATIO),
        pass(u2 < TARGET_MS),
        `${ms(median(small.cached.get(a.name)!))} / ${ms(median(large.cached.get(b.name)!))}`,
        `${tally(small.headers.get(a.name)!)} / ${tally(large.headers.get(b.name)!)}`,
        `${small.stale.get(a.name)} / ${large.stale.get(b.name)}`,
      ])
    }
    printTable(
      `Scale: median of ${taken} uncached renders (first request after an editor's publish/unpublish expired the page's tags)`,
      rows,
    )
    console.log('')
    for (const result of results) console.log(`generated ${result.generation}; ${result.notes.join('; ')}`)
    ok = true
  } finally {
    for (const server of servers) await server.stop()
    if (ok && !process.env.BENCH_DIR) rmSync(root, { recursive: true, force: true })
    else console.error(`[bench] kept ${root}`)
  }
}

await main()
process.exit(0)

/**
 * `npm run bench:search`: search latency at two sizes, and how soon a publish is searchable.
 *
 * For each size (BENCH_SEARCH_SIZES, default "100,10000" articles) a throwaway SQLite database is
 * filled by bench/scale-generate.ts (authors = n/50, photos = n/100), then bench/search-measure.ts
 * times 20 representative searches uncached (one word, words, phrase, prefix, no result, Arabic,
 * filtered, by date; five passes after a warm-up), the rebuild of the index, and 10 publishes until
 * each is found. Printed beside the targets: p95 < 50 ms at 10,000 articles, p95 ratio ≤ 2, a
 * publish searchable < 1 s. In process (no HTTP, no render): what an uncached /search costs
 * the database and the engine. Run on a quiet machine; the load average is printed.
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { median, ms, ms1, pass, percentile, printTable } from './support/report.ts'
import { benchEnv, makeTempDir, runScript } from './support/server.ts'

interface Measured {
  engine: string
  articles: number
  reindexMs: number
  samples: { kind: string; query: string; ms: number; engineMs: number; total: number }[]
  publishes: { publishMs: number; searchableMs: number }[]
}

const sizes = (process.env.BENCH_SEARCH_SIZES ?? '100,10000').split(',').map(Number)
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('BENCH_SEARCH_SIZES: whole numbers of articles, comma-separated')
const dir = process.env.BENCH_DIR ? path.resolve(process.env.BENCH_DIR) : makeTempDir('masthead-bench-search-')
console.log(`bench:search in ${dir}, sizes ${sizes.join(', ')}; load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`)

const results: Measured[] = []
for (const n of sizes) {
  const env = benchEnv(dir, 0, `search-${n}.db`)
  await runScript('bench/scale-generate.ts', ['--articles', String(n), '--authors', String(Math.max(2, Math.round(n / 50))), '--photos', String(Math.max(10, Math.round(n / 100)))], env)
  const out = path.join(dir, `search-${n}.json`)
  await runScript('bench/search-measure.ts', [out], env)
  results.push(JSON.parse(readFileSync(out, 'utf8')) as Measured)
}

const kinds = [...new Set(results[0]!.samples.map((sample) => sample.kind))]
printTable(`Uncached search (${results[0]!.engine}): milliseconds per result page read, 20 queries × 5`, [
  ['articles', 'median', 'p95', 'max', 'engine alone p95', ...kinds.map((kind) => `${kind} (median)`), 'reindex'],
  ...results.map((result) => {
    const all = result.samples.map((sample) => sample.ms)
    return [
      result.articles,
      ms1(median(all)),
      ms1(percentile(all, 95)),
      ms1(Math.max(...all)),
      ms1(percentile(result.samples.map((sample) => sample.engineMs), 95)),
      ...kinds.map((kind) => ms1(median(result.samples.filter((sample) => sample.kind === kind).map((sample) => sample.ms)))),
      ms(result.reindexMs),
    ]
  }),
])

const small = results[0]!
const large = results.at(-1)!
const p95 = (result: Measured) => percentile(result.samples.map((sample) => sample.ms), 95)
const ratio = p95(large) / p95(small)
const searchable = large.publishes.map((publish) => publish.searchableMs)
printTable('Targets', [
  ['what', 'figure', 'target', ''],
  [`p95 at ${large.articles} articles`, ms1(p95(large)), '< 50 ms', pass(p95(large) < 50)],
  [`p95 ratio ${large.articles} / ${small.articles}`, ratio.toFixed(2), '≤ 2', pass(ratio <= 2)],
  [`publish → searchable (median, max of ${searchable.length}) at ${large.articles}`, `${ms(median(searchable))}, ${ms(Math.max(...searchable))}`, '< 1 s', pass(Math.max(...searchable) < 1000)],
])
console.log(`\nResults per query: ${path.join(dir, `search-<n>.json`)}. Load average at the end ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}.`)

/**
 * The in-process half of `npm run bench:search` (bench/search.ts runs it on each generated database):
 *
 *   NODE_ENV=production DATABASE_URI=file:… npx payload run bench/search-measure.ts -- <out.json>
 *
 * Adds a few Arabic stories (the generator writes English), rebuilds the index once (timed: what
 * `npm run search:reindex` costs at this size), then times 20 representative searches uncached: the
 * whole read of a result page (engine, the published articles by id, snippets), no page cache, no
 * HTTP and no render. Then publishes articles one by one and times how long until each is found.
 */
import { writeFileSync } from 'node:fs'
import { getPayload } from 'payload'
import config from '@payload-config'
import { PUBLISHED } from '@/lib/content/published'
import { searchArticles } from '@/lib/content/search'
import { searchEngine } from '@/lib/search'
import { parseSearchParams } from '@/lib/search/params'
import { parseQuery } from '@/lib/search/query'
import { reindexAll } from '@/lib/search/sync'
import { lexicalToParagraphs, paragraphsToLexical } from '@/lib/text/lexical'

const out = process.argv.slice(2).filter((arg) => arg !== '--')[0]
if (!out) throw new Error('usage: payload run bench/search-measure.ts -- <out.json>')

/**
 * Twenty searches a reader would make, by kind, in the generated text's words (bench/support/news-text.ts):
 * "talks" is in about a quarter of the articles, "parliament" a seventh, a tag ("elections") in one
 * in thirteen, and "said" in nearly all: the worst case, every article matching and ranked.
 */
const QUERIES: { kind: string; query: string }[] = [
  ...['talks', 'security', 'parliament', 'said', 'elections'].map((query) => ({ kind: 'one word', query: `q=${encodeURIComponent(query)}` })),
  ...['security guarantees', 'regional partners', 'trade access'].map((query) => ({ kind: 'words', query: `q=${encodeURIComponent(query)}` })),
  // Replaced below by phrases taken from a generated article.
  ...['phrase 1', 'phrase 2', 'phrase 3'].map((query) => ({ kind: 'phrase', query })),
  ...['negot', 'secur', 'talks parl'].map((query) => ({ kind: 'prefix', query: `q=${encodeURIComponent(query)}` })),
  ...['xylophone', 'quokka marmalade'].map((query) => ({ kind: 'no result', query: `q=${encodeURIComponent(query)}` })),
  ...['محادثات', 'هادئة الأمن'].map((query) => ({ kind: 'Arabic', query: `q=${encodeURIComponent(query)}` })),
  { kind: 'filtered', query: 'q=talks&section=world' },
  { kind: 'by date', query: 'q=security&sort=date' },
]

const ARABIC = 'محادثات هادئة بين الوفود حول الأمن والحدود وعودة العائلات النازحة وأسعار الوقود في العاصمة'.split(' ')

const payload = await getPayload({ config })
const { totalDocs } = await payload.count({ collection: 'articles', where: PUBLISHED })
const { docs: authors } = await payload.find({ collection: 'authors', limit: 1, depth: 0 })
// One article in a hundred in Arabic; topped up, so a kept BENCH_DIR can be measured again.
const arabic = Math.max(2, Math.round(totalDocs / 100))
const { totalDocs: arabicHave } = await payload.count({ collection: 'articles', where: { language: { equals: 'ar' } } })
for (let n = arabicHave; n < arabic; n++) {
  const words = Array.from({ length: 40 }, (_, i) => ARABIC[(n * 3 + i * 5) % ARABIC.length]).join(' ')
  await payload.create({
    collection: 'articles',
    data: { title: `${ARABIC[n % ARABIC.length]} ${ARABIC[(n + 4) % ARABIC.length]} ${n}`, language: 'ar', authors: authors[0] ? [authors[0].id] : [], body: paragraphsToLexical([words]), _status: 'published', section: 'world' },
    context: { disableRevalidate: true },
  })
}

// Phrases that occur: three and two words in a row from a generated body (its sentences are not
// the word list in order).
const { docs: sample } = await payload.find({ collection: 'articles', where: { and: [PUBLISHED, { title: { like: 'Bench story' } }] }, sort: 'id', limit: 1, depth: 0, select: { body: true } })
const sampleWords = lexicalToParagraphs(sample[0]?.body).join(' ').toLowerCase().split(/[^a-z]+/).filter(Boolean)
const phrases = [sampleWords.slice(2, 5), sampleWords.slice(8, 10), sampleWords.slice(14, 16)].map((words) => `"${words.join(' ')}"`)
for (const [index, query] of QUERIES.entries()) {
  if (query.kind === 'phrase') QUERIES[index] = { kind: 'phrase', query: `q=${encodeURIComponent(phrases.shift() ?? '')}` }
}

const reindexStarted = performance.now()
const indexed = await reindexAll(payload)
const reindexMs = performance.now() - reindexStarted

const timeQuery = async (query: string) => {
  const parsed = parseSearchParams(new URLSearchParams(query))
  if (!parsed.ok) throw new Error(parsed.message)
  const { search } = parsed
  const started = performance.now()
  const page = await searchArticles(search)
  const read = performance.now()
  // The engine's share alone (the rest: reading the articles by id, snippets).
  await searchEngine(payload).search({ query: search.query, section: search.section, author: null, sort: search.sort, offset: 0, limit: 12 })
  return { ms: read - started, engineMs: performance.now() - read, total: page.total }
}
// One pass to warm the JIT and SQLite's page cache, then five timed passes.
for (const { query } of QUERIES) await timeQuery(query)
const samples: { kind: string; query: string; ms: number; engineMs: number; total: number }[] = []
for (let pass = 0; pass < 5; pass++) for (const { kind, query } of QUERIES) samples.push({ kind, query, ...(await timeQuery(query)) })

const publishes: { publishMs: number; searchableMs: number }[] = []
for (let n = 0; n < 10; n++) {
  const word = `benchword${Date.now().toString(36)}${n}`
  const started = performance.now()
  await payload.create({
    collection: 'articles',
    data: { title: `Breaking ${word}`, authors: authors[0] ? [authors[0].id] : [], body: paragraphsToLexical([`Body ${word}.`]), _status: 'published' },
  })
  const published = performance.now()
  const query = parseQuery(word)
  for (let tries = 0; tries < 1000; tries++) {
    const { total } = await searchEngine(payload).search({ query, section: null, author: null, sort: 'relevance', offset: 0, limit: 1 })
    if (total > 0) break
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  publishes.push({ publishMs: published - started, searchableMs: performance.now() - started })
}

writeFileSync(out, JSON.stringify({ engine: searchEngine(payload).name, articles: indexed, reindexMs, samples, publishes }))
process.exit(0)

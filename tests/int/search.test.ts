import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Author } from '@/payload-types'
import { searchEngine } from '@/lib/search'
import { parseQuery } from '@/lib/search/query'
import { sqliteFtsEngine, type LibsqlClient } from '@/lib/search/sqlite-fts'
import { reindexAll, reindexIfEmpty } from '@/lib/search/sync'
import { paragraphsToLexical } from '@/lib/text/lexical'
import { onMongo, unlessStandinCannot } from './support/database'
import { createArticle, createAuthor } from './support/fixtures'
import { startPayload, type TestPayload } from './support/payload'

// The reader routes run as in the server, minus Next's request scope (see reader-pages.test.ts).
vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  // Run every time; what each read asks to be cached under is recorded.
  unstable_cache: vi.fn(<T>(read: () => Promise<T>) => read),
}))

type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
let searchRoute: Route<object>
let articleRoute: Route<{ slug: string }>
let t: TestPayload
let author: Author
let other: Author

// The stand-in answers no `$text` query: what it cannot run is reported skipped, with the reason.
const searching = unlessStandinCannot('run $text search queries')

beforeAll(async () => {
  t = await startPayload()
  author = await createAuthor(t.payload, 'Zeina Khodr')
  other = await createAuthor(t.payload, 'Łukasz Wróbel')
  ;({ GET: searchRoute } = await import('@/app/(site)/search/route'))
  ;({ GET: articleRoute } = await import('@/app/(site)/articles/[slug]/route'))
})
afterAll(async () => t?.cleanup())

const body = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)
const story = (title: string, data: Record<string, unknown> = {}, status: 'draft' | 'published' = 'published') =>
  createArticle(t.payload, { title, authors: [author.id], ...data }, status)

/** Titles found for `q`, best first (through the engine, as the page asks it). */
async function found(q: string, options: { section?: string; author?: string; sort?: 'date' | 'relevance'; page?: number } = {}) {
  const { hits, total } = await searchEngine(t.payload).search({
    query: parseQuery(q),
    section: options.section ?? null,
    author: options.author ?? null,
    sort: options.sort ?? 'relevance',
    offset: ((options.page ?? 1) - 1) * 12,
    limit: 12,
  })
  const titles = await Promise.all(
    hits.map(async (hit) => (await t.payload.findByID({ collection: 'articles', id: hit.id, depth: 0 })).title),
  )
  return { titles, total }
}
const titles = async (q: string) => (await found(q)).titles
/** What the index holds for an article, by id (null: not indexed). */
const entry = async (id: number | string) => (await searchEngine(t.payload).entries()).find((e) => e.id === String(id)) ?? null

const page = (query: string) => searchRoute(new Request(`http://localhost:3000/search${query}`), { params: Promise.resolve({}) })

describe('the index holds what readers may see, and only that', () => {
  it('a published article, with its headline, standfirst, body, tags and byline', async () => {
    const doc = await story('Quarry expansion approved', { standfirst: 'The council voted 7–2.', tags: ['Planning'], body: body('Lorries will use the bypass.') })
    expect(await entry(doc.id)).toMatchObject({
      headline: 'Quarry expansion approved',
      standfirst: 'The council voted 7–2.',
      body: 'Lorries will use the bypass.',
      extra: 'Planning · Zeina Khodr',
      authors: [String(author.id)],
    })
  })

  it('never a draft, nor a newer draft saved on top of a published article', async () => {
    const draft = await story('Unannounced merger', {}, 'draft')
    expect(await entry(draft.id)).toBeNull()
    const published = await story('Budget day')
    await t.payload.update({ collection: 'articles', id: published.id, data: { title: 'Budget leak embargoed' }, draft: true })
    await t.payload.update({ collection: 'articles', id: published.id, data: { standfirst: 'Autosaved.' }, draft: true, autosave: true })
    expect(await entry(published.id)).toMatchObject({ headline: 'Budget day', standfirst: '' })
  })

  it('follows an edit, a rename, an unpublish and a delete', async () => {
    const doc = await story('Ferry timetable', { body: body('Sailings resume.') })
    await t.payload.update({ collection: 'articles', id: doc.id, data: { title: 'Ferry timetable changes', body: body('Sailings resume at dawn.') } })
    expect(await entry(doc.id)).toMatchObject({ headline: 'Ferry timetable changes', body: 'Sailings resume at dawn.' })
    await t.payload.update({ collection: 'articles', id: doc.id, data: { _status: 'draft' } })
    expect(await entry(doc.id)).toBeNull()
    await t.payload.update({ collection: 'articles', id: doc.id, data: { _status: 'published' } })
    expect(await entry(doc.id)).not.toBeNull()
    await t.payload.delete({ collection: 'articles', id: doc.id })
    expect(await entry(doc.id)).toBeNull()
  })

  it("follows an author's rename", async () => {
    const writer = await createAuthor(t.payload, 'Hala Ahmad')
    const doc = await createArticle(t.payload, { title: 'Olive harvest', authors: [writer.id] })
    await t.payload.update({ collection: 'authors', id: writer.id, data: { name: 'Hala Ahmad-Nour' } })
    expect((await entry(doc.id))?.extra).toBe('Hala Ahmad-Nour')
  })

  it('is rebuilt by a reindex exactly as the hooks kept it', async () => {
    await story('Reindex check', { tags: ['Elections'], section: 'politics', body: body('One.', 'Two.') })
    const incremental = await searchEngine(t.payload).entries()
    expect(incremental.length).toBeGreaterThan(3)
    await searchEngine(t.payload).clear()
    expect(await searchEngine(t.payload).entries()).toEqual([])
    expect(await reindexAll(t.payload)).toBe(incremental.length)
    expect(await searchEngine(t.payload).entries()).toEqual(incremental)
  })

  it('is built at start when empty over published articles (a database from before search), and left alone otherwise', async () => {
    const engine = searchEngine(t.payload)
    const before = await engine.entries()
    await engine.clear()
    await reindexIfEmpty(t.payload)
    expect(await engine.entries()).toEqual(before)
    const rebuild = vi.spyOn(engine, 'clear')
    await reindexIfEmpty(t.payload)
    expect(rebuild).not.toHaveBeenCalled()
    rebuild.mockRestore()
  })

  searching('adds a new entry over one left behind under the same id as a replacement, never beside it', async () => {
    const doc = await story('Left behind check', { body: body('Zwieback.') })
    const engine = searchEngine(t.payload)
    const fresh = (await entry(doc.id))!
    await engine.upsert([{ ...fresh, headline: 'Stale headline', body: 'Obsolete marmalade.' }])
    await engine.add([fresh])
    expect((await engine.entries()).filter((e) => e.id === String(doc.id))).toEqual([fresh])
    expect(await titles('marmalade')).toEqual([])
    expect(await titles('zwieback')).toEqual(['Left behind check'])
  })

  it.skipIf(onMongo)('replaces the first SQLite index (one FTS5 table holding everything) and rebuilds it at start', async () => {
    await story('Index shape check')
    const engine = searchEngine(t.payload)
    const before = await engine.entries()
    const client = (t.payload.db as unknown as { client: LibsqlClient }).client
    await client.batch([
      { sql: "CREATE VIRTUAL TABLE libsql_search_articles USING fts5(headline, standfirst, body, extra, original UNINDEXED, section UNINDEXED, authors UNINDEXED, published_at UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')" },
      { sql: "INSERT INTO libsql_search_text (libsql_search_text) VALUES ('delete-all')" },
      { sql: 'DELETE FROM libsql_search_documents' },
      { sql: 'DELETE FROM libsql_search_authors' },
    ])
    await engine.prepare()
    const { rows } = await client.execute("SELECT name FROM sqlite_master WHERE name LIKE 'libsql_search_articles%'")
    expect(rows).toEqual([])
    expect(await engine.size()).toBe(0)
    await reindexIfEmpty(t.payload)
    expect(await engine.entries()).toEqual(before)
    expect(await titles('index shape check')).toEqual(['Index shape check'])
  })
})

describe('search', () => {
  it.skipIf(onMongo)('ranks, of a query matching more articles than it ranks, those with the word in the headline and the newest others', async () => {
    const pelican = 'Pelicans nest here. ' + 'The pelican returns. '.repeat(6)
    const census = await story('Pelican census begins', { body: body('A count along the coast.') })
    const keen = await story('Harbour notes 1', { body: body(pelican) })
    await story('Harbour notes 2', { body: body('One pelican, and much else besides, was seen from the pier today.') })
    const newer = await story('Harbour notes 3', { body: body('One pelican, and much else besides, was seen from the pier today.') })
    const newest = await story('Harbour notes 4', { body: body('One pelican, and much else besides, was seen from the pier today.') })
    const client = (t.payload.db as unknown as { client: LibsqlClient }).client
    const search = (engine: ReturnType<typeof sqliteFtsEngine>) =>
      engine.search({ query: parseQuery('pelican'), section: null, author: null, sort: 'relevance', offset: 0, limit: 2 })
    // Every match ranked: the headline, then the body that says it most.
    const all = await search(sqliteFtsEngine(client))
    expect(all.hits.map((hit) => hit.id)).toEqual([String(census.id), String(keen.id)])
    // Past two matches, two of each kind ranked: the headline match still first, then one of the two newest.
    const bounded = await search(sqliteFtsEngine(client, { rankAllUpTo: 2, candidates: 2 }))
    expect(bounded.total).toBe(5)
    expect(bounded.hits[0]?.id).toBe(String(census.id))
    expect([String(newer.id), String(newest.id)]).toContain(bounded.hits[1]?.id)
  })

  searching('ranks a headline match above a body match', async () => {
    await story('Routine council meeting', { body: body('Talk turned to the drought in the valley.') })
    await story('Drought grips the valley', { body: body('Farmers wait for rain.') })
    expect(await titles('drought')).toEqual(['Drought grips the valley', 'Routine council meeting'])
  })

  searching('folds diacritics and finds Arabic with or without vowel points', async () => {
    await story('Café owners protest', { body: body('Djoković visited the Łódź café.') })
    expect(await titles('cafe')).toContain('Café owners protest')
    expect(await titles('CAFÉ')).toContain('Café owners protest')
    expect(await titles('djokovic lodz')).toEqual(['Café owners protest'])
    await story('محادثات هادئة بين إسرائيل وسوريا', { language: 'ar' })
    expect(await titles('هادئة')).toEqual(['محادثات هادئة بين إسرائيل وسوريا'])
    expect(await titles('هَادِئَة')).toEqual(['محادثات هادئة بين إسرائيل وسوريا'])
  })

  searching('matches a quoted phrase in order, and the last word as a prefix', async () => {
    await story('Harbour report one', { body: body('A north wind closed the port.') })
    await story('Harbour report two', { body: body('The wind from the north closed the port.') })
    expect(await titles('"north wind"')).toEqual(['Harbour report one'])
    expect((await titles('north wind')).sort()).toEqual(['Harbour report one', 'Harbour report two'])
    await story('Ceasefire talks resume')
    expect(await titles('ceasef')).toEqual(['Ceasefire talks resume'])
    expect(await titles('talks ceasef')).toEqual(['Ceasefire talks resume'])
  })

  searching('filters by section and author, sorts by date and pages by 12', async () => {
    for (let n = 1; n <= 14; n++) {
      await story(`Marathon update ${n}`, {
        section: n % 2 ? 'sport' : 'world',
        authors: [n === 3 ? other.id : author.id],
        publishedAt: new Date(Date.UTC(2026, 0, n)).toISOString(),
      })
    }
    const first = await found('marathon')
    expect(first.total).toBe(14)
    expect(first.titles).toHaveLength(12)
    expect((await found('marathon', { page: 2 })).titles).toHaveLength(2)
    expect((await found('marathon', { sort: 'date' })).titles.slice(0, 2)).toEqual(['Marathon update 14', 'Marathon update 13'])
    expect((await found('marathon', { section: 'world' })).total).toBe(7)
    expect((await found('marathon', { author: String(other.id) })).titles).toEqual(['Marathon update 3'])
  })
})

describe('the /search page', () => {
  searching('shows ranked results with highlighted, escaped snippets, byline and date, and no script', async () => {
    await story('Reservoir levels', { body: body('Engineers said <script>alert(1)</script> the reservoir overflowed near the dam.') })
    const response = await page('?q=reservoir+overflowed')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<meta name="robots" content="noindex"/>')
    expect(html).toContain('<mark>Reservoir</mark> levels')
    expect(html).toMatch(/the <mark>reservoir<\/mark> <mark>overflowed<\/mark> near the dam/)
    expect(html).toContain('&lt;script>alert(1)&lt;/script>')
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/)
    expect(html).toContain('Zeina Khodr')
    expect(html).toMatch(/1 article match “reservoir overflowed”/)
  })

  searching('says when nothing matches, with a suggestion', async () => {
    const html = await (await page('?q=xylophone+quokka&section=sport')).text()
    expect(html).toContain('No articles match “xylophone quokka” in Sport.')
    expect(html).toContain('href="/search?q=xylophone+quokka"')
  })

  searching('is cached per query, and expired when an article changes', async () => {
    const first = await page('?q=lighthouse')
    expect(first.headers.get('x-page-cache')).toBe('MISS')
    expect(await first.text()).toContain('No articles match')
    expect((await page('?q=lighthouse')).headers.get('x-page-cache')).toBe('HIT')
    await story('Lighthouse keeper retires')
    const after = await page('?q=lighthouse')
    expect(after.headers.get('x-page-cache')).toBe('MISS')
    expect(await after.text()).toContain('<mark>Lighthouse</mark> keeper retires')
  })

  it('is never cached under its bare path, which the fast path would answer for every search', async () => {
    const { pageCache } = await import('@/server/page-cache')
    expect((await page('')).status).toBe(200)
    expect((await page('?section=world')).status).toBe(200)
    expect(pageCache().get('/search')).toBeUndefined()
    expect(pageCache().get('/search?')).toBeDefined()
    expect(await (await page('?q=***')).text()).toContain('holds no word to search for')
  })

  it('answers refused input with a 400 that says what was wrong, never a 500', async () => {
    const long = await page(`?q=${'a'.repeat(201)}`)
    expect(long.status).toBe(400)
    expect(await long.text()).toContain('The search is 201 characters long; at most 200 are searched.')
    expect((await page('?q=x&section=nowhere')).status).toBe(400)
    const badPage = await page('?q=x&page=abc')
    expect(badPage.status).toBe(400)
    expect(await badPage.text()).toContain('The &quot;page&quot; parameter must be a whole number from 1 to 500.')
    expect(badPage.headers.get('cache-control')).toContain('no-store')
  })

  searching("treats the engines' own syntax typed by a reader as words", async () => {
    for (const q of ['"*) OR NEAR(', 'title:x AND -y', '$where', '\u0000', '"""', '%%%']) {
      expect((await page(`?q=${encodeURIComponent(q)}`)).status).toBe(200)
    }
  })
})

describe('related stories', () => {
  searching('the article page shows up to 4 published stories sharing its tags or words, never itself nor a draft', async () => {
    const main = await story('Wildfire spreads across hills', { tags: ['Wildfires'], section: 'world' })
    await story('Wildfire crews rest', { tags: ['Wildfires'] })
    await story('Wildfire smoke reaches city', { tags: ['Wildfires'] })
    await story('Wildfire draft', { tags: ['Wildfires'] }, 'draft')
    const html = await (await articleRoute(new Request(`http://localhost:3000/articles/${main.slug}`), { params: Promise.resolve({ slug: main.slug! }) })).text()
    const rail = html.slice(html.indexOf('id="related"'), html.indexOf('</section>', html.indexOf('id="related"')))
    expect(rail).toContain('Wildfire crews rest')
    expect(rail).toContain('Wildfire smoke reaches city')
    expect(rail).not.toContain('Wildfire spreads across hills')
    expect(rail).not.toContain('Wildfire draft')

    // Which stories are related is kept for this article and its words, until it changes or for an hour.
    const { unstable_cache } = await import('next/cache')
    const related = vi.mocked(unstable_cache).mock.calls.filter(([, keys]) => keys?.[0] === 'related' && keys[1] === String(main.id))
    expect(related.length).toBeGreaterThan(0)
    const [, keys, options] = related.at(-1)!
    expect(keys).toEqual(expect.arrayContaining(['wildfires']))
    expect(options).toEqual({ tags: [`article:${main.slug}`], revalidate: 3600 })
  })

  it.skipIf(onMongo)('ranks only the newest matches past the bound: the best match among them first, an older better one left out', async () => {
    const best = await story('Glacier glacier melt glacier survey', { tags: ['Glaciers'] })
    const newer = await story('Glacier tours resume')
    const newest = await story('Mountain glacier road reopens')
    const client = (t.payload.db as unknown as { client: LibsqlClient }).client
    const related = (candidates?: number) => sqliteFtsEngine(client, candidates ? { candidates } : {}).related('0', ['glacier', 'glaciers'], 3)
    expect((await related())[0]).toBe(String(best.id))
    expect(await related(2)).toEqual(expect.arrayContaining([String(newer.id), String(newest.id)]))
    expect(await related(2)).not.toContain(String(best.id))
  })

  it.skipIf(onMongo)('once the index holds `sample` stories, a word in more than half of the newest ones relates nothing', async () => {
    const lamplighters = await story('Lamplighters guild marks centenary')
    const ferries = [await story('Ferry crews vote on pay'), await story('Ferry route to island cut'), await story('Ferry operator fined')]
    const client = (t.payload.db as unknown as { client: LibsqlClient }).client
    // The newest 4 are these: "ferry" is in 3 of them, "lamplighters" in 1.
    const engine = sqliteFtsEngine(client, { sample: 4 })
    expect(await engine.related('0', ['ferry', 'lamplighters'], 3)).toEqual([String(lamplighters.id)])
    expect(await engine.related('0', ['ferry'], 3)).toEqual([])
    // Below `sample` stories every word counts, however common (a new site's first articles).
    const all = await sqliteFtsEngine(client, { sample: 1_000_000 }).related('0', ['ferry', 'lamplighters'], 4)
    expect(all[0]).toBe(String(lamplighters.id))
    expect(all.slice(1)).toEqual(expect.arrayContaining(ferries.map((ferry) => String(ferry.id))))
  })

  searching('the rail is cached with the page, which expires when a story on it changes', async () => {
    const main = await story('Flood defences tested', { tags: ['Floods'] })
    const shown = await story('Flood barrier closes', { tags: ['Floods'] })
    const read = () => articleRoute(new Request(`http://localhost:3000/articles/${main.slug}`), { params: Promise.resolve({ slug: main.slug! }) })
    expect(await (await read()).text()).toContain('Flood barrier closes')
    const cached = await read()
    expect(cached.headers.get('x-page-cache')).toBe('HIT')
    expect(cached.headers.get('xkey')!.split(' ')).toContain(`article:${shown.slug}`)
    await t.payload.update({ collection: 'articles', id: shown.id, data: { _status: 'draft' } })
    const after = await read()
    expect(after.headers.get('x-page-cache')).toBe('MISS')
    expect(await after.text()).not.toContain('Flood barrier closes')
  })

  it('an engine that cannot answer leaves the story without its rail, not a 500', async () => {
    const main = await story('Glacier retreat measured', { tags: ['Glaciers'] })
    await story('Glacier tourism booms', { tags: ['Glaciers'] })
    const failing = vi.spyOn(searchEngine(t.payload), 'related').mockRejectedValueOnce(new Error('no text index'))
    const response = await articleRoute(new Request(`http://localhost:3000/articles/${main.slug}`), { params: Promise.resolve({ slug: main.slug! }) })
    failing.mockRestore()
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>Glacier retreat measured</h1>')
    expect(html).not.toContain('id="related"')
  })
})

import type { SearchEngine, SearchEntry, SearchOptions, SearchResults } from './engine'
import { WEIGHTS } from './engine'
import type { SearchQuery } from './query'
import { foldText } from './text'

/**
 * SQLite's engine, in the same database file (libsql, which Payload's adapter uses, ships FTS5), its
 * tables created at start when missing. Three tables, so that no query reads more than it needs:
 * - `libsql_search_text`: a contentless FTS5 index of the folded text (lib/search/text.ts; FTS5's
 *   `unicode61 remove_diacritics 2` tokenizer folds again whatever our folding left), ranked by
 *   bm25() with the field weights. It stores no text, so ranking and counting read the index alone.
 * - `libsql_search_documents`: one row per article with what filters, sorting and snippets need
 *   (section, date, the text as written), indexed for the filters and for sort=date.
 * - `libsql_search_authors`: article–author pairs, for the author filter.
 * When a column FTS5 does not index sat in the FTS table itself (as it did at first), every filter,
 * date sort and tie-break read each matching row's whole stored text: ~100 ms at 10,000 matches
 * where the index alone answers in ~20 (bench:search).
 * The rowid is the article's id (SQLite's ids are integers).
 */
type Statement = { sql: string; args?: (string | number | null)[] }

export interface LibsqlClient {
  execute(statement: Statement | string): Promise<{ rows: Record<string, unknown>[] }>
  batch(statements: Statement[], mode?: 'write' | 'read' | 'deferred'): Promise<unknown>
}

/*
 * Named for drizzle-kit: its schema push (`npm run dev`, and tests' fresh databases) drops every
 * table it does not know unless the name starts with `libsql_`, `sqlite_`, `_cf_` or `_litestream_`
 * (drizzle-kit's sqlite serializer, `filterIgnoredTablesByField`), and these tables cannot be
 * declared in Payload's schema. Production never pushes (migrations); in the same file, the index is
 * in every backup and restored with the database it belongs to.
 */
const TEXT = 'libsql_search_text'
const DOCUMENTS = 'libsql_search_documents'
const AUTHORS = 'libsql_search_authors'
/** The first layout: one FTS5 table holding everything. Dropped at start; the index is rebuilt (reindexIfEmpty). */
const FIRST_LAYOUT = 'libsql_search_articles'

/** The words, phrases and prefix of a parsed query as FTS5 strings, each quoted (they hold only letters and digits). */
function ftsTokens(query: SearchQuery): string[] {
  return [
    ...query.terms.map((term) => `"${term}"`),
    ...query.phrases.map((phrase) => `"${phrase.join(' ')}"`),
    ...(query.prefix !== null ? [`"${query.prefix}"*`] : []),
  ]
}

/** The FTS5 query for a parsed one: every word, phrase and the prefix. */
export const ftsMatch = (query: SearchQuery): string => ftsTokens(query).join(' ')

/** Any of them (for the candidates with one in a prominent field). */
const ftsAnyOf = (query: SearchQuery): string => ftsTokens(query).join(' OR ')

/*
 * Ties (equal scores) go to the newer article by id, which the index holds, rather than by date,
 * which it does not. The `+` before `rowid` keeps SQLite from handing the id list to FTS5 as one
 * lookup per id (550 ms for a section of 1,100 articles) instead of checking each match against it.
 */
const RANK = `bm25(${TEXT}, ${WEIGHTS.headline}, ${WEIGHTS.standfirst}, ${WEIGHTS.body}, ${WEIGHTS.extra}), rowid DESC`

function filters(options: Pick<SearchOptions, 'section' | 'author'>): { sql: string; args: string[] } {
  const sql: string[] = []
  const args: string[] = []
  if (options.section) {
    sql.push(`+rowid IN (SELECT id FROM ${DOCUMENTS} WHERE section = ?)`)
    args.push(options.section)
  }
  if (options.author) {
    sql.push(`+rowid IN (SELECT article FROM ${AUTHORS} WHERE author = ?)`)
    args.push(options.author)
  }
  return { sql: sql.map((part) => ` AND ${part}`).join(''), args }
}

/**
 * Ranking costs `bm25()` for every match (~1.8 µs each here, where finding one costs ~0.35): a word
 * in nearly every article would cost ~20 ms at 10,000 articles and ~200 at 100,000. Such a query says
 * little about relevance; its best answers are the articles with a query word in the headline,
 * standfirst or tags, and the newest of the others. So past `RANK_ALL_UP_TO` matches only those are
 * ranked, the newest `CANDIDATES` of each (bench:search: 19 → 9 ms for 9,900 matches of 10,000).
 */
export const RANK_ALL_UP_TO = 4_000
export const CANDIDATES = 1_000
/** How many of the newest articles tell which words are too common to relate stories (`tellingWords`). */
export const WORD_SAMPLE = 1_000

export function sqliteFtsEngine(client: LibsqlClient, { rankAllUpTo = RANK_ALL_UP_TO, candidates = CANDIDATES, sample = WORD_SAMPLE } = {}): SearchEngine {
  /** The ids matching the query and the filters (the index alone, and the filters' own indexes). */
  const matching = (options: SearchOptions, match: string) => {
    const where = filters(options)
    return { sql: `SELECT rowid AS id FROM ${TEXT} WHERE ${TEXT} MATCH ?${where.sql}`, args: [match, ...where.args] }
  }
  /**
   * The page of ids: by date from the articles' date index, checked against the matches; else by
   * score — of every match, or, past `rankAllUpTo` matches, of the candidates only: the matches at or
   * after the newest `candidates`-th, and the prominent ones (a query word in the headline,
   * standfirst or tags) at or after theirs.
   */
  const pageOf = (options: SearchOptions, match: string, total: number) => {
    const matches = matching(options, match)
    const page = [options.limit, options.offset]
    if (options.sort === 'date') {
      return { sql: `SELECT id FROM ${DOCUMENTS} WHERE +id IN (${matches.sql}) ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?`, args: [...matches.args, ...page] }
    }
    if (total <= Math.max(rankAllUpTo, options.offset + options.limit)) {
      return { sql: `${matches.sql} ORDER BY ${RANK} LIMIT ? OFFSET ?`, args: [...matches.args, ...page] }
    }
    const prominent = matching(options, `(${match}) AND {headline standfirst extra} : (${ftsAnyOf(options.query)})`)
    const newest = Math.max(candidates, options.offset + options.limit) - 1
    const from = (ids: typeof matches) => `coalesce((${ids.sql} ORDER BY rowid DESC LIMIT 1 OFFSET ?), 0)`
    return {
      sql: `${matches.sql} AND (+rowid >= ${from(matches)} OR +rowid IN (${prominent.sql} AND rowid >= ${from(prominent)})) ORDER BY ${RANK} LIMIT ? OFFSET ?`,
      args: [...matches.args, ...matches.args, newest, ...prominent.args, ...prominent.args, newest, ...page],
    }
  }

  return {
    name: 'sqlite-fts5',
    async prepare() {
      const statements = [
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${TEXT} USING fts5(headline, standfirst, body, extra, ` +
          "content = '', contentless_delete = 1, prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2')",
        `CREATE TABLE IF NOT EXISTS ${DOCUMENTS} (id INTEGER PRIMARY KEY, section TEXT, published_at TEXT, original TEXT NOT NULL)`,
        `CREATE INDEX IF NOT EXISTS ${DOCUMENTS}_published ON ${DOCUMENTS} (published_at, id)`,
        `CREATE INDEX IF NOT EXISTS ${DOCUMENTS}_section ON ${DOCUMENTS} (section)`,
        `CREATE TABLE IF NOT EXISTS ${AUTHORS} (author TEXT NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (author, article)) WITHOUT ROWID`,
        `CREATE INDEX IF NOT EXISTS ${AUTHORS}_article ON ${AUTHORS} (article)`,
      ]
      // Unconditional, and no name is reused: processes starting together cannot undo each other.
      await client.batch([{ sql: `DROP TABLE IF EXISTS ${FIRST_LAYOUT}` }, ...statements.map((sql) => ({ sql }))], 'write')
    },
    async upsert(entries) {
      if (entries.length === 0) return
      await client.batch(entries.flatMap((entry) => [...removal(Number(entry.id)), ...inserted(entry)]), 'write')
    },
    async add(entries) {
      if (entries.length === 0) return
      try {
        await client.batch(entries.flatMap(inserted), 'write')
      } catch (error) {
        // An entry left behind (a failed removal, its id reused): the batch rolled back whole; replace them.
        if (!isUniqueViolation(error)) throw error
        await this.upsert(entries)
      }
    },
    async remove(id) {
      await client.batch(removal(Number(id)), 'write')
    },
    async clear() {
      await client.batch([{ sql: `INSERT INTO ${TEXT} (${TEXT}) VALUES ('delete-all')` }, { sql: `DELETE FROM ${DOCUMENTS}` }, { sql: `DELETE FROM ${AUTHORS}` }], 'write')
    },
    async search(options): Promise<SearchResults> {
      const match = ftsMatch(options.query)
      if (match === '') return { total: 0, hits: [] }
      const matches = matching(options, match)
      // The count decides how the page is ranked (and costs ~1 ms: the index alone).
      const count = await client.execute({ sql: `SELECT count(*) AS n FROM (${matches.sql})`, args: matches.args })
      const total = Number(count.rows[0]?.n ?? 0)
      if (total === 0) return { total, hits: [] }
      const page = await client.execute(pageOf(options, match, total))
      const ids = page.rows.map((row) => Number(row.id))
      const texts = await originals(ids)
      return { total, hits: ids.map((id) => ({ id: String(id), body: texts.get(id)?.body ?? '' })) }
    },
    // Any of a dozen words matches most of a large archive (bench:scale at 100,000: 400 ms to rank
    // them all); related stories come from the newest `candidates` matches, ranked.
    async related(id, words, limit) {
      const telling = await tellingWords(words)
      if (telling.length === 0) return []
      const match = telling.map((word) => `"${word}"`).join(' OR ')
      const newest = `coalesce((SELECT rowid FROM ${TEXT} WHERE ${TEXT} MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?), 0)`
      const { rows } = await client.execute({
        sql: `SELECT rowid AS id FROM ${TEXT} WHERE ${TEXT} MATCH ? AND rowid != ? AND rowid >= ${newest} ORDER BY ${RANK} LIMIT ?`,
        args: [match, Number(id), match, candidates - 1, limit],
      })
      return rows.map((row) => String(row.id))
    },
    async size() {
      const { rows } = await client.execute(`SELECT count(*) AS n FROM ${DOCUMENTS}`)
      return Number(rows[0]?.n ?? 0)
    },
    async entries() {
      const [articles, authors] = await Promise.all([
        client.execute(`SELECT id, section, published_at, original FROM ${DOCUMENTS} ORDER BY id`),
        client.execute(`SELECT article, author FROM ${AUTHORS} ORDER BY article, author`),
      ])
      const byArticle = new Map<number, string[]>()
      for (const row of authors.rows) byArticle.set(Number(row.article), [...(byArticle.get(Number(row.article)) ?? []), String(row.author)])
      return articles.rows.map((row): SearchEntry => ({
        id: String(row.id),
        ...stored(row.original),
        section: (row.section as string | null) ?? null,
        authors: byArticle.get(Number(row.id)) ?? [],
        publishedAt: (row.published_at as string | null) ?? null,
      }))
    },
  }

  /**
   * The words that can tell stories apart: once the index holds `sample` articles, those in at most
   * half of the newest `sample`. bm25() gives a word in more than half of all articles no
   * weight (its idf is clamped to 10⁻⁶), yet first counts every article holding it, for each query:
   * "said" or a house word costs ~5 ms at 100,000 articles and changes no score. Counting in the
   * newest articles only reads the end of each word's list.
   */
  async function tellingWords(words: string[]): Promise<string[]> {
    if (words.length === 0) return words
    const { rows } = await client.execute({
      sql:
        `WITH sample(since) AS (SELECT id FROM ${DOCUMENTS} ORDER BY id DESC LIMIT 1 OFFSET ?) ` +
        `SELECT word.value AS word, (SELECT count(*) FROM ${TEXT} WHERE ${TEXT} MATCH ('"' || word.value || '"') AND rowid >= sample.since) AS hits ` +
        'FROM sample, json_each(?) AS word',
      args: [sample - 1, JSON.stringify(words)],
    })
    // No row: fewer articles than that, every word kept.
    if (rows.length === 0) return words
    const common = new Set(rows.filter((row) => Number(row.hits) * 2 > sample).map((row) => String(row.word)))
    return words.filter((word) => !common.has(word))
  }

  /** The text as written of these articles, for snippets. */
  async function originals(ids: number[]): Promise<Map<number, ReturnType<typeof stored>>> {
    if (ids.length === 0) return new Map()
    const { rows } = await client.execute({ sql: `SELECT id, original FROM ${DOCUMENTS} WHERE id IN (${ids.map(() => '?').join(', ')})`, args: ids })
    return new Map(rows.map((row) => [Number(row.id), stored(row.original)]))
  }
}

/** An entry's rows, for an id not indexed yet (`upsert` removes the old ones first). */
function inserted(entry: SearchEntry): Statement[] {
  const id = Number(entry.id)
  const original = JSON.stringify({ headline: entry.headline, standfirst: entry.standfirst, body: entry.body, extra: entry.extra })
  return [
    {
      sql: `INSERT INTO ${TEXT} (rowid, headline, standfirst, body, extra) VALUES (?, ?, ?, ?, ?)`,
      args: [id, foldText(entry.headline), foldText(entry.standfirst), foldText(entry.body), foldText(entry.extra)],
    },
    { sql: `INSERT INTO ${DOCUMENTS} (id, section, published_at, original) VALUES (?, ?, ?, ?)`, args: [id, entry.section, entry.publishedAt, original] },
    ...entry.authors.map((author) => ({ sql: `INSERT OR IGNORE INTO ${AUTHORS} (author, article) VALUES (?, ?)`, args: [author, id] })),
  ]
}

/** A duplicate key (the documents table's: the FTS5 index itself takes a duplicate rowid without a word). */
const isUniqueViolation = (error: unknown) => /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)/.test(String((error as { code?: unknown }).code))

function removal(id: number): Statement[] {
  return [
    { sql: `DELETE FROM ${TEXT} WHERE rowid = ?`, args: [id] },
    { sql: `DELETE FROM ${DOCUMENTS} WHERE id = ?`, args: [id] },
    { sql: `DELETE FROM ${AUTHORS} WHERE article = ?`, args: [id] },
  ]
}

/** The article's own text, kept beside the index for snippets. */
function stored(value: unknown): Pick<SearchEntry, 'headline' | 'standfirst' | 'body' | 'extra'> {
  const text = JSON.parse(String(value ?? '{}')) as Partial<SearchEntry>
  return { headline: text.headline ?? '', standfirst: text.standfirst ?? '', body: text.body ?? '', extra: text.extra ?? '' }
}

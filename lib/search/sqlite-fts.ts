import type { SearchEngine, SearchEntry, SearchOptions, SearchResults } from './engine'
import { WEIGHTS } from './engine'
import type { SearchQuery } from './query'
import { foldText } from './text'

/**
 * SQLite's engine: an FTS5 table (`libsql_search_articles`) in the same database file (libsql, which Payload's adapter uses,
 * ships FTS5), created at start when missing. Columns hold the folded text (lib/search/text.ts);
 * FTS5's `unicode61 remove_diacritics 2` tokenizer folds again whatever our folding left. Ranked by
 * bm25() with the field weights; the article's own fields for filters and snippets are UNINDEXED.
 * The rowid is the article's id (SQLite's ids are integers).
 */
export interface LibsqlClient {
  execute(statement: { sql: string; args?: (string | number | null)[] } | string): Promise<{ rows: Record<string, unknown>[] }>
  batch(statements: { sql: string; args?: (string | number | null)[] }[], mode?: 'write' | 'read' | 'deferred'): Promise<unknown>
}

/**
 * Named for drizzle-kit: its schema push (`npm run dev`, and tests' fresh databases) drops every
 * table it does not know unless the name starts with `libsql_`, `sqlite_`, `_cf_` or `_litestream_`
 * (drizzle-kit's sqlite serializer, `filterIgnoredTablesByField`), and an FTS5 table cannot be
 * declared in Payload's schema. Production never pushes (migrations); in the same file, the index is
 * in every backup and restored with the database it belongs to.
 */
export const FTS_TABLE = 'libsql_search_articles'
const TABLE = FTS_TABLE

/** The FTS5 query for a parsed one: every word, phrase and the prefix, each quoted (they hold only letters and digits). */
export function ftsMatch(query: SearchQuery): string {
  return [
    ...query.terms.map((term) => `"${term}"`),
    ...query.phrases.map((phrase) => `"${phrase.join(' ')}"`),
    ...(query.prefix !== null ? [`"${query.prefix}"*`] : []),
  ].join(' ')
}

export function sqliteFtsEngine(client: LibsqlClient): SearchEngine {
  const rank = `bm25(${TABLE}, ${WEIGHTS.headline}, ${WEIGHTS.standfirst}, ${WEIGHTS.body}, ${WEIGHTS.extra})`
  const filters = (options: Pick<SearchOptions, 'section' | 'author'>) => {
    const sql: string[] = []
    const args: string[] = []
    if (options.section) {
      sql.push('section = ?')
      args.push(options.section)
    }
    if (options.author) {
      // Authors are stored as " 3 7 ": a whole id between spaces.
      sql.push("authors LIKE ? ESCAPE '\\'")
      args.push(`% ${options.author.replace(/[\\%_]/g, (c) => `\\${c}`)} %`)
    }
    return { sql: sql.map((part) => ` AND ${part}`).join(''), args }
  }
  return {
    name: 'sqlite-fts5',
    async prepare() {
      await client.execute(
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${TABLE} USING fts5(` +
          'headline, standfirst, body, extra, ' +
          'original UNINDEXED, section UNINDEXED, authors UNINDEXED, published_at UNINDEXED, ' +
          "tokenize = 'unicode61 remove_diacritics 2')",
      )
    },
    async upsert(entry) {
      await client.batch(
        [
          { sql: `DELETE FROM ${TABLE} WHERE rowid = ?`, args: [Number(entry.id)] },
          {
            sql: `INSERT INTO ${TABLE} (rowid, headline, standfirst, body, extra, original, section, authors, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            args: [
              Number(entry.id),
              foldText(entry.headline),
              foldText(entry.standfirst),
              foldText(entry.body),
              foldText(entry.extra),
              JSON.stringify({ headline: entry.headline, standfirst: entry.standfirst, body: entry.body, extra: entry.extra }),
              entry.section,
              ` ${entry.authors.join(' ')} `,
              entry.publishedAt,
            ],
          },
        ],
        'write',
      )
    },
    async remove(id) {
      await client.execute({ sql: `DELETE FROM ${TABLE} WHERE rowid = ?`, args: [Number(id)] })
    },
    async clear() {
      await client.execute(`DELETE FROM ${TABLE}`)
    },
    async search(options): Promise<SearchResults> {
      const match = ftsMatch(options.query)
      if (match === '') return { total: 0, hits: [] }
      const where = filters(options)
      const order = options.sort === 'date' ? 'published_at DESC, rowid DESC' : `${rank}, published_at DESC`
      const [count, page] = await Promise.all([
        client.execute({ sql: `SELECT count(*) AS n FROM ${TABLE} WHERE ${TABLE} MATCH ?${where.sql}`, args: [match, ...where.args] }),
        client.execute({
          sql: `SELECT rowid AS id, original FROM ${TABLE} WHERE ${TABLE} MATCH ?${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
          args: [match, ...where.args, options.limit, options.offset],
        }),
      ])
      return {
        total: Number(count.rows[0]?.n ?? 0),
        hits: page.rows.map((row) => ({ id: String(row.id), body: stored(row.original).body })),
      }
    },
    async related(id, words, limit) {
      if (words.length === 0) return []
      const { rows } = await client.execute({
        sql: `SELECT rowid AS id FROM ${TABLE} WHERE ${TABLE} MATCH ? AND rowid != ? ORDER BY ${rank}, published_at DESC LIMIT ?`,
        args: [words.map((word) => `"${word}"`).join(' OR '), Number(id), limit],
      })
      return rows.map((row) => String(row.id))
    },
    async size() {
      const { rows } = await client.execute(`SELECT count(*) AS n FROM ${TABLE}`)
      return Number(rows[0]?.n ?? 0)
    },
    async entries() {
      const { rows } = await client.execute(`SELECT rowid AS id, original, section, authors, published_at FROM ${TABLE} ORDER BY rowid`)
      return rows.map((row): SearchEntry => ({
        id: String(row.id),
        ...stored(row.original),
        section: (row.section as string | null) ?? null,
        authors: String(row.authors ?? '').trim().split(' ').filter(Boolean),
        publishedAt: (row.published_at as string | null) ?? null,
      }))
    },
  }
}

/** The article's own text, kept beside the folded columns for snippets. */
function stored(value: unknown): Pick<SearchEntry, 'headline' | 'standfirst' | 'body' | 'extra'> {
  const text = JSON.parse(String(value ?? '{}')) as Partial<SearchEntry>
  return { headline: text.headline ?? '', standfirst: text.standfirst ?? '', body: text.body ?? '', extra: text.extra ?? '' }
}

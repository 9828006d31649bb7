import { describe, expect, it } from 'vitest'
import { atlasPipeline, textFilter, textSearch } from '@/lib/search/mongo-text'
import { chooseSearchEngine } from '@/lib/search/choose'
import { MAX_QUERY_WORDS, parseQuery } from '@/lib/search/query'
import { parseSearchParams, searchPath } from '@/lib/search/params'
import { significantWords } from '@/lib/search/related'
import { ftsMatch } from '@/lib/search/sqlite-fts'
import { foldText, foldWord } from '@/lib/search/text'

describe('folding: how search compares words', () => {
  it('folds case and diacritics, and letters without a decomposition', () => {
    expect(['Café', 'DJOKOVIĆ', 'Łódź', 'Straße', 'Øresund', 'naïve'].map(foldWord)).toEqual(['cafe', 'djokovic', 'lodz', 'strasse', 'oresund', 'naive'])
  })
  it('drops Arabic vowel points and hamza, keeps the letters', () => {
    // Hamza on a carrier decomposes to the carrier and a mark: أ/إ/آ fold to ا and ئ to ي, as Arabic search usually does.
    expect(foldWord('هَادِئَة')).toBe(foldWord('هادئة'))
    expect(foldWord('هادئة')).toBe('هادية')
    expect(foldText('محادثاتٌ هادئة، بين إسرائيل')).toBe('محادثات هادية بين اسراييل')
  })
  it('keeps a word with combining marks whole', () => {
    expect(foldText('cafe\u0301 au lait')).toBe('cafe au lait')
  })
})

describe('parseQuery', () => {
  it('makes the last bare word a prefix', () => {
    expect(parseQuery('Gaza ceasef')).toEqual({ terms: ['gaza'], phrases: [], prefix: 'ceasef' })
  })
  it('reads quoted phrases; a query ending with one has no prefix', () => {
    expect(parseQuery('talks "north wind"')).toEqual({ terms: ['talks'], phrases: [['north', 'wind']], prefix: null })
    expect(parseQuery('"north wind" port')).toEqual({ terms: [], phrases: [['north', 'wind']], prefix: 'port' })
  })
  it('takes a one-word phrase as a word, and an unclosed quote as words', () => {
    expect(parseQuery('"gaza" talks')).toEqual({ terms: ['gaza'], phrases: [], prefix: 'talks' })
    expect(parseQuery('say "north wind')).toEqual({ terms: ['say', 'north'], phrases: [], prefix: 'wind' })
  })
  it("leaves nothing of an engine's own syntax: only folded letters and digits", () => {
    expect(parseQuery('title:x AND -y OR NEAR(z*) $where {}')).toEqual({ terms: ['title', 'x', 'and', 'y', 'or', 'near', 'z'], phrases: [], prefix: 'where' })
    expect(parseQuery('*** %% "" \u0000')).toEqual({ terms: [], phrases: [], prefix: null })
  })
  it(`keeps at most ${MAX_QUERY_WORDS} words`, () => {
    const query = parseQuery(Array.from({ length: 30 }, (_, n) => `w${n}`).join(' '))
    expect(query.terms.length + (query.prefix ? 1 : 0)).toBe(MAX_QUERY_WORDS)
  })
})

describe('engine queries from a parsed one', () => {
  const query = parseQuery('talks "north wind" ceasef')
  it('FTS5: each part quoted, the prefix starred', () => {
    expect(ftsMatch(query)).toBe('"talks" "north wind" "ceasef"*')
  })
  it('MongoDB $text: every word and phrase quoted (all must match), the prefix on the words index', () => {
    expect(textSearch(query)).toBe('"talks" "north wind"')
    expect(textFilter({ query, section: 'world', author: '65a1' })).toEqual({
      $text: { $search: '"talks" "north wind"', $language: 'none' },
      words: { $regex: '^ceasef' },
      section: 'world',
      authors: '65a1',
    })
    expect(textFilter({ query: parseQuery('***'), section: null, author: null })).toBeNull()
  })
  it('Atlas Search: must-match clauses, weighted should clauses, filters', () => {
    const [stage] = atlasPipeline('masthead_search', { query, section: 'world', author: null, sort: 'date' })
    expect(stage).toMatchObject({
      $search: {
        index: 'masthead_search',
        compound: {
          must: [
            { text: { query: 'talks' } },
            { phrase: { query: 'north wind' } },
            { wildcard: { query: 'ceasef*', allowAnalyzedField: true } },
          ],
          filter: [{ equals: { path: 'section', value: 'world' } }],
        },
        sort: { publishedAt: -1 },
      },
    })
  })
})

describe('parseSearchParams', () => {
  const parse = (query: string) => parseSearchParams(new URLSearchParams(query))
  it('reads a search with its filters', () => {
    const parsed = parse('q=gaza&section=world&author=zeina-khodr&sort=date&page=2')
    expect(parsed).toMatchObject({ ok: true, search: { q: 'gaza', section: 'world', author: 'zeina-khodr', sort: 'date', page: 2 } })
  })
  it('refuses, naming the parameter', () => {
    expect(parse(`q=${'x'.repeat(201)}`)).toEqual({ ok: false, message: 'The search is 201 characters long; at most 200 are searched. Shorten it and try again.' })
    expect(parse('q=x&section=moon')).toMatchObject({ ok: false, message: expect.stringContaining('"section"') })
    expect(parse('q=x&author=Not A Slug')).toMatchObject({ ok: false, message: expect.stringContaining('"author"') })
    expect(parse('q=x&sort=random')).toMatchObject({ ok: false, message: expect.stringContaining('"sort"') })
    for (const page of ['0', 'abc', '501', '1e3', '-1']) expect(parse(`q=x&page=${page}`)).toMatchObject({ ok: false, message: expect.stringContaining('"page"') })
  })
  it('has one URL per search: the cache key and the links', () => {
    const parsed = parse('page=1&sort=relevance&q=gaza+talks&section=')
    if (!parsed.ok) throw new Error('refused')
    expect(searchPath(parsed.search)).toBe('/search?q=gaza+talks')
    expect(searchPath(parsed.search, { page: 3, sort: 'date' })).toBe('/search?q=gaza+talks&sort=date&page=3')
  })
})

describe('significantWords (related stories)', () => {
  it('takes tags first, then headline and standfirst words, without little words', () => {
    expect(significantWords({ title: 'The talks on the Golan resume', standfirst: 'After a year.', tags: ['Middle East'] })).toEqual([
      'middle',
      'east',
      'talks',
      'golan',
      'resume',
      'year',
    ])
  })
})

describe('chooseSearchEngine', () => {
  it('follows the adapter: FTS5 on SQLite, $text on MongoDB, Atlas Search when configured', () => {
    expect(chooseSearchEngine('sqlite', {})).toEqual({ kind: 'sqlite-fts5' })
    expect(chooseSearchEngine('mongoose', {})).toEqual({ kind: 'mongodb-text' })
    expect(chooseSearchEngine('mongoose', { SEARCH_ENGINE: 'atlas' })).toEqual({ kind: 'atlas-search', index: 'masthead_search' })
    expect(chooseSearchEngine('mongoose', { SEARCH_ENGINE: 'atlas', SEARCH_ATLAS_INDEX: 'news' })).toEqual({ kind: 'atlas-search', index: 'news' })
  })
  it('refuses what cannot work, saying why', () => {
    expect(() => chooseSearchEngine('sqlite', { SEARCH_ENGINE: 'atlas' })).toThrow('needs MongoDB')
    expect(() => chooseSearchEngine('mongoose', { SEARCH_ENGINE: 'elastic' })).toThrow('"text" (the default) or "atlas"')
    expect(() => chooseSearchEngine('postgres', {})).toThrow('no engine for the "postgres"')
  })
})

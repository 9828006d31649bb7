/**
 * Which search engine runs, from the database adapter in use (never guessed from anything else) and
 * `SEARCH_ENGINE`: SQLite → FTS5; MongoDB → `$text`, or Atlas Search with `SEARCH_ENGINE=atlas`.
 * Pure, so the rule and its messages are unit-tested.
 */
export type EngineChoice = { kind: 'sqlite-fts5' } | { kind: 'mongodb-text' } | { kind: 'atlas-search'; index: string }

export function chooseSearchEngine(adapter: string, env: { SEARCH_ENGINE?: string; SEARCH_ATLAS_INDEX?: string }): EngineChoice {
  const wanted = env.SEARCH_ENGINE?.trim() || undefined
  if (adapter === 'sqlite') {
    if (wanted && wanted !== 'sqlite') throw new Error(`SEARCH_ENGINE="${wanted}" needs MongoDB; on SQLite search uses FTS5 (leave SEARCH_ENGINE unset).`)
    return { kind: 'sqlite-fts5' }
  }
  if (adapter === 'mongoose') {
    if (wanted === undefined || wanted === 'text') return { kind: 'mongodb-text' }
    if (wanted === 'atlas') return { kind: 'atlas-search', index: env.SEARCH_ATLAS_INDEX?.trim() || 'masthead_search' }
    throw new Error(`SEARCH_ENGINE="${wanted}" is not an engine Masthead knows: on MongoDB use "text" (the default) or "atlas".`)
  }
  throw new Error(`Search has no engine for the "${adapter}" database adapter.`)
}

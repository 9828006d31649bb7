import { SECTIONS } from '@/lib/content/sections'
import { isSlug } from '@/lib/text/slug'
import { isEmptyQuery, MAX_QUERY_LENGTH, parseQuery, type SearchQuery } from './query'

/**
 * The query string of /search, checked: `q` (at most MAX_QUERY_LENGTH characters), `section` (a
 * section's value), `author` (an author's slug), `sort` (`date`, else relevance), `page` (1–500).
 * Anything else is refused with a message naming the parameter, which the page shows with a 400.
 */
export interface SearchRequest {
  q: string
  query: SearchQuery
  section: string | null
  author: string | null
  sort: 'relevance' | 'date'
  page: number
}

export type ParsedSearch = { ok: true; search: SearchRequest } | { ok: false; message: string }

export const MAX_SEARCH_PAGE = 500

export function parseSearchParams(params: URLSearchParams): ParsedSearch {
  const q = (params.get('q') ?? '').trim()
  if (q.length > MAX_QUERY_LENGTH) {
    return { ok: false, message: `The search is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are searched. Shorten it and try again.` }
  }
  const section = params.get('section') || null
  if (section !== null && !SECTIONS.some((option) => option.value === section)) {
    return { ok: false, message: `There is no section "${section.slice(0, 40)}" to search in (the "section" parameter).` }
  }
  const author = params.get('author') || null
  if (author !== null && (author.length > 200 || !isSlug(author))) {
    return { ok: false, message: 'The "author" parameter must be an author\'s URL name, such as "zeina-khodr".' }
  }
  const sortParam = params.get('sort') || 'relevance'
  if (sortParam !== 'relevance' && sortParam !== 'date') {
    return { ok: false, message: 'The "sort" parameter must be "relevance" or "date".' }
  }
  const pageParam = params.get('page') || '1'
  const page = /^\d{1,3}$/.test(pageParam) ? Number(pageParam) : NaN
  if (!(page >= 1 && page <= MAX_SEARCH_PAGE)) {
    return { ok: false, message: `The "page" parameter must be a whole number from 1 to ${MAX_SEARCH_PAGE}.` }
  }
  return { ok: true, search: { q, query: parseQuery(q), section, author, sort: sortParam, page } }
}

export const hasQuery = (search: SearchRequest) => !isEmptyQuery(search.query)

/** The search's URL with these changes (pagination, sort links): only the parameters that differ from the defaults. */
export function searchPath(search: SearchRequest, changes: Partial<Pick<SearchRequest, 'page' | 'sort'>> = {}): string {
  const next = { ...search, ...changes }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  if (next.section) params.set('section', next.section)
  if (next.author) params.set('author', next.author)
  if (next.sort !== 'relevance') params.set('sort', next.sort)
  if (next.page > 1) params.set('page', String(next.page))
  const query = params.toString()
  return query ? `/search?${query}` : '/search'
}

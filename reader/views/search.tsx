/** @jsxImportSource preact */
import type { Author } from '@/payload-types'
import { simpleHead } from '@/lib/seo/page-head'
import { searchArticles, type ResultArticle, type SearchResult, type SearchResultsPage } from '@/lib/content/search'
import { populatedAuthors } from '@/lib/content/populated'
import { SECTIONS, sectionLabel } from '@/lib/content/sections'
import { articlePath, siteUrl } from '@/lib/content/site'
import { formatDisplayDate } from '@/lib/text/format'
import { dateLocale, SITE_LANGUAGE, textDirection } from '@/lib/text/language'
import { MAX_QUERY_LENGTH } from '@/lib/search/query'
import { hasQuery, parseSearchParams, searchPath, type SearchRequest } from '@/lib/search/params'
import { highlight, type Segment } from '@/lib/search/snippet'
import type { PageResult } from '@/reader/page'

/**
 * /search?q=…: a plain GET form and ranked results, no script. Never indexed by search engines
 * (`noindex`); refused parameters get a 400 page saying which and why, with the form to try again.
 */

/**
 * The page-cache key of a search: its canonical URL, always with a "?" (the fast path looks pages up
 * by path alone, so a key "/search" would answer every search with the empty form), or null (not
 * kept) when the parameters are refused.
 */
export function searchCacheKey(url: URL): string | null {
  const parsed = parseSearchParams(url.searchParams)
  if (!parsed.ok) return null
  const path = searchPath(parsed.search)
  return path.includes('?') ? path : `${path}?`
}

export async function searchPage(url: URL): Promise<PageResult> {
  const parsed = parseSearchParams(url.searchParams)
  const head = (title: string) => simpleHead(siteUrl(), { title, path: '/search', noindex: true })
  if (!parsed.ok) {
    return {
      status: 400,
      head: head('Search: check the request'),
      body: (
        <>
          <h1>Search</h1>
          <p role="alert" className="search-error">
            {parsed.message}
          </p>
          <SearchForm q={(url.searchParams.get('q') ?? '').slice(0, MAX_QUERY_LENGTH)} />
        </>
      ),
    }
  }
  const { search } = parsed
  if (!hasQuery(search)) {
    return {
      head: head('Search'),
      body: (
        <>
          <h1>Search</h1>
          {search.q && <p className="search-summary">“{search.q}” holds no word to search for: type a word or two.</p>}
          <SearchForm q={search.q} section={search.section} />
        </>
      ),
    }
  }
  const found = await searchArticles(search)
  if (search.page > 1 && found.results.length === 0) return null
  return {
    head: head(search.page === 1 ? `Search: ${search.q}` : `Search: ${search.q}, page ${search.page}`),
    body: <Results search={search} found={found} />,
  }
}

function SearchForm({ q, section = null }: { q: string; section?: string | null }) {
  return (
    <form role="search" aria-label="Search articles" action="/search" method="get" className="search-form">
      <label htmlFor="search-q">Search for</label>
      <input id="search-q" type="search" name="q" value={q} maxLength={MAX_QUERY_LENGTH} required />
      <label htmlFor="search-section">in</label>
      <select id="search-section" name="section">
        <option value="">all sections</option>
        {SECTIONS.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === section}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="submit">Search</button>
    </form>
  )
}

function Results({ search, found }: { search: SearchRequest; found: SearchResultsPage }) {
  const scope = [search.section ? `in ${sectionLabel(search.section)}` : '', search.author ? 'by this author' : ''].filter(Boolean).join(' ')
  return (
    <>
      <h1>Search</h1>
      <SearchForm q={search.q} section={search.section} />
      <p className="search-summary" role="status">
        {found.total === 0 ? 'No articles' : found.total === 1 ? '1 article' : `${found.total} articles`} match “{search.q}”{scope ? ` ${scope}` : ''}.
        {found.total > 1 && (
          <>
            {' '}
            {search.sort === 'date' ? (
              <>Newest first · <a href={searchPath(search, { sort: 'relevance', page: 1 })}>best match first</a></>
            ) : (
              <>Best match first · <a href={searchPath(search, { sort: 'date', page: 1 })}>newest first</a></>
            )}
          </>
        )}
      </p>
      {found.total === 0 && <NoResults search={search} unknownAuthor={found.unknownAuthor} />}
      <ol className="search-results">
        {found.results.map((result) => (
          <Result key={result.article.id} result={result} search={search} />
        ))}
      </ol>
      {found.totalPages > 1 && (
        <nav className="pagination" aria-label="Search results: pages">
          {search.page > 1 && (
            <a href={searchPath(search, { page: search.page - 1 })} rel="prev">
              ← Previous
            </a>
          )}
          <span>
            Page {search.page} of {found.totalPages}
          </span>
          {search.page < found.totalPages && (
            <a href={searchPath(search, { page: search.page + 1 })} rel="next">
              Next →
            </a>
          )}
        </nav>
      )}
    </>
  )
}

function NoResults({ search, unknownAuthor }: { search: SearchRequest; unknownAuthor: boolean }) {
  const filtered = search.section !== null || search.author !== null
  return (
    <div className="search-none">
      <p>{unknownAuthor ? 'No author has that name on this site.' : 'Try other or fewer words, check the spelling, or leave out the quotes.'}</p>
      {filtered && (
        <p>
          <a href={searchPath({ ...search, section: null, author: null, page: 1 })}>Search all sections and authors for “{search.q}”</a>
        </p>
      )}
      <p>
        Or read <a href="/">the latest stories</a>.
      </p>
    </div>
  )
}

const Marked = ({ segments }: { segments: Segment[] }) => (
  <>{segments.map((segment, index) => (segment.mark ? <mark key={index}>{segment.text}</mark> : segment.text))}</>
)

function Result({ result, search }: { result: SearchResult; search: SearchRequest }) {
  const { article } = result
  const language = article.language ?? SITE_LANGUAGE
  const authors = populatedAuthors(article)
  const section = article.section ? sectionLabel(article.section) : undefined
  return (
    <li className="search-result" lang={language} dir={textDirection(language)}>
      <h2>
        <a href={articlePath(article.slug ?? '')}>
          <Marked segments={highlight(article.title, search.query)} />
        </a>
      </h2>
      <p className="standfirst">
        <Marked segments={result.snippet ?? highlight(article.standfirst ?? '', search.query)} />
      </p>
      <Meta article={article} authors={authors} section={section} language={language} />
    </li>
  )
}

function Meta({ article, authors, section, language }: { article: ResultArticle; authors: Author[]; section?: string; language: string }) {
  const parts = [authors.map((author) => author.name).join(', '), section].filter(Boolean)
  return (
    <p className="meta">
      {parts.join(' · ')}
      {parts.length > 0 && article.publishedAt && ' · '}
      {article.publishedAt && <time dateTime={article.publishedAt}>{formatDisplayDate(article.publishedAt, dateLocale(language))}</time>}
    </p>
  )
}

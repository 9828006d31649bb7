import { parse } from 'csv-parse/sync'
import { isHttpUrl } from '@/lib/text/links'

/**
 * Redirects of old URLs: what a `from` and a `to` may be, how they are stored, what a request's
 * path matches, and the lines of a CSV import. Pure; the collection is collections/Redirects/index.ts.
 *
 * Paths are stored decoded ("/articles/محادثات") and NFC-normalised, so an editor may type or paste
 * either form and a request matches whichever way its browser encoded it; they go back on the wire
 * percent-encoded (`locationOf`).
 */

export const REDIRECT_STATUSES = ['308', '301', '307', '302'] as const
export type RedirectStatus = (typeof REDIRECT_STATUSES)[number]
export const DEFAULT_STATUS: RedirectStatus = '308'

// Control characters, spaces and backslashes: browsers rewrite or drop them ("/\evil.com" is
// protocol-relative to some), so no stored path may hold one.
const UNSAFE = /[\u0000-\u0020\u007f\\]/

const MAX_PATH_LENGTH = 2000

function decode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * A site path in stored form, or an error message. "/a/b/" and "/a/b" are one page (the site drops
 * trailing slashes); a query string or fragment is no part of what a redirect matches.
 */
export function normalizePath(value: string): { path: string } | { error: string } {
  const path = decode(value.trim()).normalize('NFC')
  if (!path.startsWith('/') || path.startsWith('//')) return { error: `"${value}" is not a path on the site: it must start with a single "/".` }
  if (UNSAFE.test(path)) return { error: `"${value}" holds a space, a backslash or a control character.` }
  if (/[?#]/.test(path)) return { error: `"${value}" has a query string or fragment: a redirect matches the path only.` }
  if (path.length > MAX_PATH_LENGTH) return { error: `"${value.slice(0, 60)}…" is longer than ${MAX_PATH_LENGTH} characters.` }
  return { path: path.length > 1 ? path.replace(/\/+$/, '') : path }
}

/**
 * Where a redirect may send readers, in stored form: a site path (which may carry a query string),
 * or an absolute http(s) URL elsewhere. A URL on the site itself becomes its path, so loops through
 * it are caught. javascript:, data:, protocol-relative "//host" and the like are refused.
 */
export function normalizeTarget(value: string, origin: string): { to: string } | { error: string } {
  const trimmed = value.trim()
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) {
    const [pathPart = '', query] = splitQuery(trimmed)
    const normalized = normalizePath(pathPart)
    if ('error' in normalized) return normalized
    if (query !== undefined && UNSAFE.test(query)) return { error: `"${value}" holds a space, a backslash or a control character.` }
    return { to: query === undefined ? normalized.path : `${normalized.path}?${query}` }
  }
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return { error: `"${value}" is neither a path on the site ("/…") nor an absolute http(s) URL.` }
  }
  if (!isHttpUrl(url) || url.hostname === '' || UNSAFE.test(trimmed)) {
    return { error: `"${value}" is not an http(s) URL: only paths on the site and http(s) URLs are allowed.` }
  }
  if (url.origin === new URL(origin).origin) return normalizeTarget(`${url.pathname}${url.search}`, origin)
  return { to: url.href }
}

function splitQuery(value: string): [string, string?] {
  const at = value.search(/[?#]/)
  if (at === -1) return [value]
  // A fragment is the browser's business: it keeps the one of the request across a redirect.
  const query = value.slice(at + 1).split('#')[0] ?? ''
  return value[at] === '?' && query !== '' ? [value.slice(0, at), query] : [value.slice(0, at)]
}

/** The path of a `to` on the site, or null for an external URL. */
export const targetPath = (to: string): string | null => (to.startsWith('/') ? (splitQuery(to)[0] ?? to) : null)

/** The Location header for a stored `to`: percent-encoded, ASCII as HTTP headers must be. */
export function locationOf(to: string): string {
  if (!to.startsWith('/')) return to
  const [path = '', query] = splitQuery(to)
  // The query is stored as typed (its escapes mean something): only what is not ASCII is encoded.
  return query === undefined ? encodeURI(path) : `${encodeURI(path)}?${query.replace(/[^\u0021-\u007e]/gu, encodeURIComponent)}`
}

/** The stored form of a request's path (percent-encoded on the wire), or null when none can match. */
export function requestPath(pathname: string): string | null {
  const normalized = normalizePath(pathname)
  return 'path' in normalized ? normalized.path : null
}

export interface RedirectLike {
  from: string
  to: string
}

/**
 * Why a redirect from `from` to `to` may not be saved, given the redirect that already leaves
 * `to` (if any) and one that already arrives at `from` (if any); null when it may. Every redirect
 * is one hop: a target that redirects again would make a chain, and one back to `from` a loop.
 */
export function redirectProblem(
  { from, to }: RedirectLike,
  onward: RedirectLike | null,
  inward: RedirectLike | null,
): string | null {
  const path = targetPath(to)
  if (path === from) return `${from} would redirect to itself.`
  if (onward && path !== null) {
    if (targetPath(onward.to) === from) return `Loop: ${from} → ${onward.from} → ${from}. Remove the redirect from ${onward.from} first.`
    return `Chain: ${onward.from} already redirects to ${onward.to}. Point ${from} straight at ${onward.to}.`
  }
  if (inward) return `Chain: ${inward.from} already redirects to ${from}. Point ${inward.from} at ${to} instead, or remove it.`
  return null
}

export interface ImportLine {
  line: number
  from: string
  to: string
  status: RedirectStatus
}

export type ImportRow = ImportLine | { line: number; error: string }

const HEADER = /^from$/i

/**
 * The lines of a CSV import, `from,to[,status]` (status 301, 302, 307 or 308; 308 when left out),
 * each read on its own so that one broken line (an unclosed quote) cannot swallow the rest. Blank
 * lines and a header line are skipped; paths are checked later, with the database at hand.
 */
export function parseRedirectCsv(text: string): ImportRow[] {
  const rows: ImportRow[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    if (raw.trim() === '') return
    let fields: string[]
    try {
      fields = (parse(raw, { trim: true, relax_column_count: true }) as string[][])[0] ?? []
    } catch (error) {
      rows.push({ line, error: `not valid CSV: ${(error as Error).message.replace(/ at line \d+/, '')}` })
      return
    }
    const [from = '', to = '', status = DEFAULT_STATUS, ...extra] = fields
    if (line === 1 && HEADER.test(from)) return
    if (extra.length > 0) rows.push({ line, error: `expected from,to[,status], found ${fields.length} fields` })
    else if (from === '' || to === '') rows.push({ line, error: 'expected from,to[,status]: a path and where it goes' })
    else if (!(REDIRECT_STATUSES as readonly string[]).includes(status)) rows.push({ line, error: `status "${status}" is not one of 301, 302, 307, 308` })
    else rows.push({ line, from, to, status: status as RedirectStatus })
  })
  return rows
}

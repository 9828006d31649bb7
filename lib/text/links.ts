/**
 * Which link targets the site will render. A whitelist: http(s) and mailto URLs, and paths on the
 * site ("/…", "#…"). Anything else — javascript:, data:, vbscript:, protocol-relative "//host",
 * unknown schemes, relative paths — is refused, so an author's or editor's link cannot run script.
 */

// Browsers drop leading and trailing C0 controls and spaces, and remove tabs and newlines anywhere
// (WHATWG URL parsing), so "java\tscript:" and " javascript:" are javascript: URLs. Check what the
// browser will see.
const EDGE_JUNK = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g
const TAB_OR_NEWLINE = /[\t\n\r]/g

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/**
 * Returns the href to render (trimmed, tabs and newlines removed, exactly as a browser would read
 * it) or null when the link is not safe to render.
 *
 * With `origin` ("https://news.example"), an absolute URL on the site itself comes back as a path
 * ("https://news.example/a?b#c" → "/a?b#c"), so internal links stay internal.
 */
export function safeHref(url: string, origin?: string): string | null {
  if (typeof url !== 'string') return null
  const href = url.replace(TAB_OR_NEWLINE, '').replace(EDGE_JUNK, '')
  if (href === '') return null

  if (href.startsWith('#')) return href
  if (href.startsWith('/')) {
    // "//host" and "/\host" are protocol-relative: browsers treat "\" like "/" in http(s) URLs.
    const second = href.charAt(1)
    return second === '/' || second === '\\' ? null : href
  }

  // Only a string that starts with an allowed scheme can pass: "javascript:", "data:", entity- or
  // Unicode-disguised schemes and bare relative paths all fail here.
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(href)?.[1]?.toLowerCase()
  if (!scheme || !ALLOWED_SCHEMES.has(scheme)) return null

  let parsed: URL
  try {
    parsed = new URL(href)
  } catch {
    return null
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return null
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return null

  if (origin && parsed.protocol !== 'mailto:' && sameOrigin(parsed, origin)) {
    return `${parsed.pathname}${parsed.search}${parsed.hash}`
  }
  return href
}

function sameOrigin(url: URL, origin: string): boolean {
  try {
    return url.origin === new URL(origin).origin
  } catch {
    return false
  }
}

/** An absolute http: or https: URL: what a link to another site, a licence or a profile must be. */
export function isHttpUrl(value: string | URL): boolean {
  let url: URL
  try {
    url = typeof value === 'string' ? new URL(value) : value
  } catch {
    return false
  }
  return url.protocol === 'http:' || url.protocol === 'https:'
}

/**
 * The security headers, in one place for the two ways a response leaves the server: Next's
 * `headers()` config (next.config.mjs) and the cached-page fast path (server/server.ts).
 */
export interface Header {
  key: string
  value: string
}

export const EVERYWHERE: Header[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
]

// Reader pages are plain HTML with no scripts at all (JSON-LD is data, which CSP does not govern), and
// their one stylesheet is inlined. Everything else is locked to this origin.
export const READER_CSP = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Where READER_CSP applies, as a Next `headers()` source: every path except the admin and the API,
 * by whole first segment, so `/admin-x` and `/administrator` (reader 404s) are reader paths too.
 */
export const READER_PATHS = '/((?!(?:admin|api)(?:/|$)).*)'

// Uploaded files are shown, never run: no scripts, no plugins, no framing, even if one slipped through.
// Set by Payload's file handler itself (lib/security/api-guards.ts), after it has decoded the path: a file
// reached as /api/%6dedia/file/… gets it too.
export const UPLOAD_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'"

// Only over HTTPS (as reported by the proxy that terminates it): HSTS over plain HTTP is ignored at best.
export const HSTS: Header = { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }

/** Every security header of a reader page; `https` as reported by X-Forwarded-Proto. */
export function readerPageHeaders(https: boolean): Header[] {
  return [...EVERYWHERE, { key: 'Content-Security-Policy', value: READER_CSP }, ...(https ? [HSTS] : [])]
}

/**
 * Cross-site request forgery: another site's page making the browser send a staff member's session
 * cookie with a write. Requests that authenticate by header (API clients' `Authorization: JWT …`,
 * `Bearer …`, API keys) cannot be forged that way — a page cannot set that header on another
 * origin's request — so only cookie-carrying writes are checked.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The foreign origin a cookie-authenticated write comes from, or null when it may proceed. The
 * origin is the Origin header, else the Referer's; a request with neither (not a browser) passes
 * here, and Payload then ignores its cookie unless Sec-Fetch-Site says it is same-site.
 */
export function foreignOrigin(
  request: Pick<Request, 'method' | 'headers'>,
  { cookieName, allowed }: { cookieName: string; allowed: readonly string[] },
): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null
  const { headers } = request
  if (headers.get('authorization')) return null
  if (!hasCookie(headers.get('cookie'), cookieName)) return null
  const origin = headers.get('origin') ?? originOf(headers.get('referer'))
  if (origin === null) return headers.get('sec-fetch-site') === 'cross-site' ? 'another site' : null
  return allowed.includes(origin) ? null : origin
}

function hasCookie(header: string | null, name: string): boolean {
  return !!header && header.split(';').some((pair) => pair.trim().startsWith(`${name}=`))
}

function originOf(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).origin
  } catch {
    // An unreadable Referer is no evidence of being ours.
    return 'null'
  }
}

export function csrfMessage(origin: string, ours: string): string {
  return `Refused: this request changes data with a signed-in session cookie, but comes from ${origin}, not from ${ours}. Use the admin at ${ours}, or send an API token in the Authorization header.`
}

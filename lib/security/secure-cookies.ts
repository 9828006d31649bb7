/**
 * The session cookie carries `Secure` whenever the site is served over HTTPS: always when SITE_URL
 * is https (Users `auth.cookies.secure`), and, behind a proxy that terminates TLS, for every request
 * that arrived as HTTPS (`X-Forwarded-Proto: https`), which Payload's static setting cannot know.
 */

/** Whether the request reached the site over HTTPS, as the proxy in front reports it. */
export function arrivedOverHttps(headers: Headers): boolean {
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https'
}

/** The Set-Cookie value with `Secure` added, if it lacks it. */
export function withSecure(setCookie: string): string {
  return /;\s*secure\s*(;|$)/i.test(setCookie) ? setCookie : `${setCookie}; Secure`
}

type Handler<C> = (request: Request, context: C) => Promise<Response>

/** Wraps a route handler: over HTTPS, every cookie it sets is Secure. */
export function secureCookiesOverHttps<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const response = await handler(request, context)
    const cookies = response.headers.getSetCookie()
    if (cookies.length === 0 || !arrivedOverHttps(request.headers)) return response
    const headers = new Headers(response.headers)
    headers.delete('set-cookie')
    for (const cookie of cookies) headers.append('set-cookie', withSecure(cookie))
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
}

import type { SanitizedConfig } from 'payload'
import { noSuchFile } from './api-guards'
import { csrfMessage, foreignOrigin } from './csrf'
import { refusalOf, withoutSuggestions } from './graphql-guard'

/**
 * Wrappers around Payload's REST and GraphQL route handlers (app/(payload)/api/…/route.ts): the
 * checks that must happen before Payload reads anything, because what Payload does first is the
 * expensive or the dangerous part.
 */
type RestHandler<A> = (request: Request, args: A) => Promise<Response>
type ConfigPromise = SanitizedConfig | Promise<SanitizedConfig>

const refuse = (status: number, message: string) =>
  Response.json({ errors: [{ message, extensions: { statusCode: status } }] }, { status })

async function csrfRefusal(config: ConfigPromise, request: Request): Promise<Response | null> {
  const { cookiePrefix, csrf } = await config
  const origin = foreignOrigin(request, { cookieName: `${cookiePrefix}-token`, allowed: csrf })
  return origin === null ? null : refuse(403, csrfMessage(origin, csrf[0] ?? 'this site'))
}

export const guardRest =
  <A>(config: ConfigPromise, handler: RestHandler<A>): RestHandler<A> =>
  async (request, args) =>
    (await csrfRefusal(config, request)) ?? (await unreadableBody(request)) ?? handler(request, args)

const UPLOAD_FILE = /^\/api\/[^/]+\/file\/([^/]+)$/

/**
 * An upload file the caller may not read (a photo no published article shows yet) answers exactly
 * as one that does not exist: a reader cannot tell an embargoed photo from no photo at all.
 */
export const hideUnreadableFiles =
  <A>(handler: RestHandler<A>): RestHandler<A> =>
  async (request, args) => {
    const response = await handler(request, args)
    const file = response.status === 403 ? UPLOAD_FILE.exec(new URL(request.url).pathname)?.[1] : undefined
    if (file === undefined) return response
    let filename = file
    try {
      filename = decodeURIComponent(file)
    } catch {
      // A broken escape is shown as sent.
    }
    return noSuchFile(filename)
  }

/**
 * A JSON body Payload cannot use: unparseable (Payload says only "Invalid JSON"), or valid JSON
 * that is not an object (Payload fails on it with a TypeError and a 500).
 */
async function unreadableBody(request: Request): Promise<Response | null> {
  if (request.method === 'GET' || !request.headers.get('content-type')?.startsWith('application/json')) return null
  const text = await request.clone().text()
  if (!text) return null
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return refuse(400, `The request body is not valid JSON (${(error as Error).message}).`)
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return null
  return refuse(400, 'The request body must be a JSON object of fields, such as {"title": "…"}.')
}

/**
 * Measures the query before GraphQL's validation and Payload's complexity rule see it (see
 * lib/security/graphql-guard.ts), and strips "Did you mean …?" from every answer outside development.
 */
export const guardGraphQL =
  (config: ConfigPromise, handler: (request: Request) => Promise<Response>) =>
  async (request: Request): Promise<Response> => {
    const refused = (await csrfRefusal(config, request)) ?? (await hostileQuery(request))
    if (refused) return refused
    const response = await handler(request)
    return process.env.NODE_ENV === 'development' ? response : stripSuggestions(response)
  }

async function hostileQuery(request: Request): Promise<Response | null> {
  // graphql-http reads only JSON bodies and refuses the rest itself.
  if (!request.headers.get('content-type')?.includes('json')) return null
  let query: unknown
  try {
    query = (JSON.parse(await request.clone().text()) as { query?: unknown } | null)?.query
  } catch {
    return null
  }
  const refusal = typeof query === 'string' ? refusalOf(query) : null
  return refusal ? refuse(400, refusal) : null
}

async function stripSuggestions(response: Response): Promise<Response> {
  if (!response.body || !response.headers.get('content-type')?.includes('json')) return response
  // GraphQL answers are whole JSON strings already; reading one costs a copy, not a wait.
  const text = await response.text()
  const body = text.includes('Did you mean')
    ? JSON.stringify(JSON.parse(text), (key, value) => (key === 'message' && typeof value === 'string' ? withoutSuggestions(value) : value))
    : text
  const headers = new Headers(response.headers)
  headers.delete('content-length')
  return new Response(body, { status: response.status, statusText: response.statusText, headers })
}

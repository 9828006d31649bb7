import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload, SanitizedConfig } from 'payload'
import { isMongoUri, withDatabaseName } from '@/lib/platform/mongo-uri'
import type { User } from '@/payload-types'
import { baseDatabaseUri } from './database'

/**
 * Boots Payload on a throwaway database: a fresh SQLite file by default, or, when the run's
 * DATABASE_URI names MongoDB (or the run is the stand-in project), a fresh database on that server,
 * dropped afterwards. The same tests run on both.
 */
export interface TestPayload {
  payload: Payload
  config: SanitizedConfig
  rest: RestClient
  graphql: (
    query: string,
    options?: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> },
  ) => Promise<GraphQLResult>
  cleanup: () => Promise<void>
}

export interface GraphQLResult {
  status: number
  data?: Record<string, any>
  errors?: { message: string }[]
}

type Options = { token?: string; body?: unknown; form?: FormData; headers?: Record<string, string> }

export interface RestClient {
  get(url: string, options?: Options): Promise<Response>
  post(url: string, options?: Options): Promise<Response>
  patch(url: string, options?: Options): Promise<Response>
  delete(url: string, options?: Options): Promise<Response>
}

const ORIGIN = 'http://localhost:3000'

/** `databaseUri`: another server than the run's (tests/int/mongodb/outage.test.ts stops its own). */
export async function startPayload({ databaseUri }: { databaseUri?: string } = {}): Promise<TestPayload> {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-int-'))
  const baseUri = databaseUri ?? baseDatabaseUri()
  process.env.MASTHEAD_TEST_DATABASE_URI = baseUri
  process.env.DATABASE_URI = isMongoUri(baseUri)
    ? withDatabaseName(baseUri, `masthead_test_${path.basename(dir).replace(/\W/g, '_')}`)
    : `file:${path.join(dir, 'test.db')}`
  process.env.MEDIA_DIR = path.join(dir, 'media')
  process.env.PAYLOAD_SECRET = 'integration-tests-secret-0123456789abcdef'

  const { getPayload } = await import('payload')
  const config = await (await import('@/payload.config')).default
  const payload = await getPayload({ config })
  // The app's own route handlers (Payload's, wrapped by lib/security/route-guards.ts), as Next calls them.
  const restRoute = await import('@/app/(payload)/api/[...slug]/route')
  const graphqlRoute = await import('@/app/(payload)/api/graphql/route')

  const call =
    (handler: (req: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>, method: string) =>
    async (url: string, options: Options = {}) => {
      const full = new URL(`/api${url}`, ORIGIN)
      const headers = new Headers(options.headers)
      if (options.token) headers.set('Authorization', `JWT ${options.token}`)
      let body: BodyInit | undefined
      if (options.form) body = options.form
      else if (options.body !== undefined) {
        headers.set('Content-Type', 'application/json')
        body = JSON.stringify(options.body)
      }
      const slug = full.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
      return handler(new Request(full, { method, headers, body }), { params: Promise.resolve({ slug }) })
    }

  const rest: RestClient = {
    get: call(restRoute.GET, 'GET'),
    post: call(restRoute.POST, 'POST'),
    patch: call(restRoute.PATCH, 'PATCH'),
    delete: call(restRoute.DELETE, 'DELETE'),
  }

  const graphql: TestPayload['graphql'] = async (query, options = {}) => {
    const headers = new Headers({ 'Content-Type': 'application/json', ...options.headers })
    if (options.token) headers.set('Authorization', `JWT ${options.token}`)
    const request = new Request(`${ORIGIN}/api/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: options.variables }),
    })
    const response = await graphqlRoute.POST(request)
    const body = (await response.json()) as object
    // Requests refused by validation come back as a bare list of errors.
    return Array.isArray(body) ? { status: response.status, errors: body } : { status: response.status, ...body }
  }

  return {
    payload,
    config,
    rest,
    graphql,
    cleanup: async () => {
      const db = payload.db as { connection?: { dropDatabase(): Promise<unknown> } }
      await db.connection?.dropDatabase()
      await payload.destroy()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Creates a user directly (deliberately bypassing access: this is test set-up) and logs in. */
export async function createUser(
  payload: Payload,
  roles: ('admin' | 'editor' | 'writer')[],
  name = roles.join('-'),
): Promise<{ id: User['id']; token: string; email: string }> {
  const email = `${name}-${Math.random().toString(36).slice(2, 8)}@masthead.test`
  const password = 'correct horse battery staple'
  const user = await payload.create({ collection: 'users', data: { email, password, name, roles }, overrideAccess: true })
  const { token } = await payload.login({ collection: 'users', data: { email, password } })
  if (!token) throw new Error(`login failed for ${email}`)
  return { id: user.id, token, email }
}

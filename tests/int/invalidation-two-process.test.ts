import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { startInvalidationPoller, type Poller } from '@/lib/invalidation/poller'
import { pageCache } from '@/server/page-cache'
import { createArticle, createAuthor } from './support/fixtures'
import { startPayload, type TestPayload } from './support/payload'

// This process is a server: its reader route fills its page cache; a second Node process edits the
// article in the same SQLite file. No data cache under the page cache, as in the other reader tests.
vi.mock('next/headers', () => ({ draftMode: async () => ({ isEnabled: false }) }))
vi.mock('next/cache', async (original) => ({
  ...(await original<typeof import('next/cache')>()),
  unstable_cache: <T>(read: () => Promise<T>) => read,
}))

const ROOT = path.resolve(import.meta.dirname, '../..')
type Route<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>
let articleRoute: Route<{ slug: string }>
let t: TestPayload
let poller: Poller
let droppedAt = 0

beforeAll(async () => {
  t = await startPayload()
  ;({ GET: articleRoute } = await import('@/app/(site)/articles/[slug]/route'))
  // The server's own poller, at its own pace, skipping this process's entries: only the default
  // apply is wrapped, to note when the page left the cache.
  const { applyTags } = await import('@/lib/invalidation/expire')
  poller = await startInvalidationPoller(t.payload, {
    apply: async (tags) => {
      await applyTags(tags, t.payload)
      if (!droppedAt && !pageCache().get('/articles/night-ferry')) droppedAt = Date.now()
    },
  })
})
afterAll(async () => {
  poller?.stop()
  await t?.cleanup()
})

function editInAnotherProcess(slug: string, standfirst: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'payload', 'bin.js'), 'run', 'tests/int/support/edit-article.ts', '--', slug, standfirst], {
      cwd: ROOT,
      env: process.env,
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

it('a change made by another process drops this process’s cached page, and the next read is new', async () => {
  const author = await createAuthor(t.payload)
  await createArticle(t.payload, { title: 'Night ferry', standfirst: 'Sails at ten.', authors: [author.id] })
  const read = async () => {
    const response = await articleRoute(new Request('http://localhost:3000/articles/night-ferry'), { params: Promise.resolve({ slug: 'night-ferry' }) })
    return { cache: response.headers.get('x-page-cache'), html: await response.text() }
  }
  await read()
  expect((await read()).cache).toBe('HIT')

  const { code, output } = await editInAnotherProcess('night-ferry', 'Sails at midnight.')
  expect(code, output).toBe(0)
  const updatedAt = Number(/updated-at (\d+)/.exec(output)?.[1])
  // Generous: the log is read every 100 ms.
  await vi.waitFor(() => expect(pageCache().get('/articles/night-ferry')).toBeUndefined(), { timeout: 5_000, interval: 20 })
  console.log(`publish in another process → page dropped here: ${Math.max(0, droppedAt - updatedAt)} ms`)

  const fresh = await read()
  expect(fresh.cache).toBe('MISS')
  expect(fresh.html).toContain('Sails at midnight.')
}, 300_000) // the second process starts Payload from the TypeScript sources

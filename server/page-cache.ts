/**
 * Rendered reader pages, kept in memory and dropped the moment anything they show changes.
 *
 * Each page is stored with the cache tags of the content it was rendered from (see
 * `lib/content/cache-tags.ts`); `invalidate(tags)` drops every page holding one of them. A render that read
 * its content before an invalidation of one of its tags is refused by `set`, so a publish racing a
 * render can never leave the older page behind. Least recently used pages go first past `maxBytes`.
 */
export interface RenderedPage {
  status: number
  contentType: string
  /** The HTML (or XML), encoded once (UTF-8). */
  body: Uint8Array
  /** The same bytes gzipped once, for the clients that accept it. */
  gzip?: Uint8Array
  /** …and compressed with brotli once, smaller still, for the clients that accept that. */
  br?: Uint8Array
  /** Strong validator of `body`, computed once (server/http-cache.ts). */
  etag: string
  /** The page's cache tags as a surrogate-key header value, for shared caches (server/surrogate-keys.ts). */
  keys: string
  /** When content that moves with the clock goes stale (ms since the epoch): the news sitemap's two days. */
  expiresAt?: number
  /** Where a redirect (3xx) sends the browser. */
  location?: string
}

const sizeOf = (page: RenderedPage) => page.body.byteLength + (page.gzip?.byteLength ?? 0) + (page.br?.byteLength ?? 0)

interface Entry {
  page: RenderedPage
  tags: readonly string[]
}

export class PageCache {
  readonly #entries = new Map<string, Entry>()
  /** The version at which each tag was last invalidated. */
  readonly #invalidatedAt = new Map<string, number>()
  #version = 0
  #bytes = 0
  readonly maxBytes: number

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes
  }

  get size(): number {
    return this.#entries.size
  }

  /** Bytes the kept pages hold (plain and compressed copies), what `maxBytes` bounds. */
  get bytes(): number {
    return this.#bytes
  }

  get(key: string): RenderedPage | undefined {
    const entry = this.#entries.get(key)
    if (!entry) return undefined
    if (entry.page.expiresAt !== undefined && Date.now() >= entry.page.expiresAt) {
      this.#remove(key)
      return undefined
    }
    // Map order is insertion order: moving the entry to the end makes the first one the least recently used.
    this.#entries.delete(key)
    this.#entries.set(key, entry)
    return entry.page
  }

  /** Call before reading the content of a page; pass the result to `set`. */
  begin(): number {
    return this.#version
  }

  /** Whether one of these tags was invalidated since `begin()` returned `begun`: content read since may be old. */
  outdated(tags: readonly string[], begun: number): boolean {
    return tags.some((tag) => (this.#invalidatedAt.get(tag) ?? -1) > begun)
  }

  /** Stores the page unless it is `outdated`; says whether it did. */
  set(key: string, page: RenderedPage, tags: readonly string[], begun: number): boolean {
    if (this.outdated(tags, begun)) return false
    this.#remove(key)
    this.#entries.set(key, { page, tags })
    this.#bytes += sizeOf(page)
    for (const [oldest] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break
      this.#remove(oldest)
    }
    return this.#entries.has(key)
  }

  invalidate(tags: Iterable<string>): void {
    const dropped = new Set(tags)
    if (dropped.size === 0) return
    this.#version += 1
    for (const tag of dropped) this.#invalidatedAt.set(tag, this.#version)
    for (const [key, entry] of this.#entries) {
      if (entry.tags.some((tag) => dropped.has(tag))) this.#remove(key)
    }
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key)
    if (!entry) return
    this.#bytes -= sizeOf(entry.page)
    this.#entries.delete(key)
  }
}

const MAX_BYTES = 64 * 1024 * 1024
const GLOBAL_KEY = Symbol.for('masthead.page-cache')

/**
 * The server's one page cache. Kept on `globalThis` because Next.js may load this module once per
 * route bundle: the API route (where Payload's hooks invalidate) and the reader routes must share it.
 */
export function pageCache(): PageCache {
  const holder = globalThis as { [GLOBAL_KEY]?: PageCache }
  holder[GLOBAL_KEY] ??= new PageCache(MAX_BYTES)
  return holder[GLOBAL_KEY]
}

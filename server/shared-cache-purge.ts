import { surrogateKey } from './surrogate-keys.ts'

/**
 * Purges the shared caches in front of the site (Varnish, see deploy/varnish/masthead.vcl) when cache
 * tags expire: one `PURGE` request per endpoint named in `PURGE_URLS` (comma-separated), carrying the
 * surrogate keys of the tags in `xkey-purge`. Best effort and never in the way: it runs after the
 * editor's save has been answered, each request gives up after a few seconds, and failures are logged,
 * not thrown.
 */

export interface PurgeLogger {
  error(entry: { msg: string; err?: unknown }): void
}

export interface PurgeOptions {
  /** Endpoints; default: PURGE_URLS. */
  urls?: readonly string[]
  timeoutMs?: number
  log?: PurgeLogger
}

export interface PurgeResult {
  url: string
  keys: string
  status?: number
  error?: string
}

const TIMEOUT_MS = 3000
/** Well under the 8 KiB Varnish allows a request header (http_req_hdr_len). */
const MAX_HEADER_LENGTH = 4000
/**
 * A page can still reach a shared cache after its purge: a response already on its way, or fetched
 * from another server process that has not heard of the change yet (it does within 250 ms). A second
 * purge a moment later removes such a copy, at the price of one more render of each purged page.
 */
export const REPEAT_AFTER_MS = 1000

/** The endpoints of a PURGE_URLS value; anything that is not an http(s) URL is reported, not used. */
export function parsePurgeUrls(value: string | undefined): { urls: string[]; invalid: string[] } {
  const urls: string[] = []
  const invalid: string[] = []
  for (const item of (value ?? '').split(',').map((part) => part.trim()).filter(Boolean)) {
    const url = URL.canParse(item) ? new URL(item) : null
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) urls.push(url.href)
    else invalid.push(item)
  }
  return { urls, invalid }
}

/** Space-separated key lists, each short enough for one request header. */
export function keyBatches(keys: Iterable<string>, maxLength = MAX_HEADER_LENGTH): string[] {
  const batches: string[] = []
  let current = ''
  for (const key of new Set(keys)) {
    if (current && current.length + 1 + key.length > maxLength) {
      batches.push(current)
      current = ''
    }
    current = current ? `${current} ${key}` : key
  }
  if (current) batches.push(current)
  return batches
}

const consoleLog: PurgeLogger = { error: ({ msg, err }) => console.error(`[masthead] ${msg}`, err ?? '') }

/** Sends the purges for these surrogate keys now; resolves (never rejects) with what each endpoint said. */
export async function purgeKeys(keys: Iterable<string>, options: PurgeOptions = {}): Promise<PurgeResult[]> {
  const log = options.log ?? consoleLog
  let urls = options.urls
  if (!urls) {
    const parsed = parsePurgeUrls(process.env.PURGE_URLS)
    if (parsed.invalid.length > 0) log.error({ msg: `PURGE_URLS: not http(s) URLs, ignored: ${parsed.invalid.join(', ')}` })
    urls = parsed.urls
  }
  const batches = keyBatches(keys)
  const requests = urls.flatMap((url) => batches.map((batch) => ({ url, keys: batch })))
  return Promise.all(
    requests.map(async ({ url, keys: batch }): Promise<PurgeResult> => {
      try {
        const response = await fetch(url, {
          method: 'PURGE',
          headers: { 'xkey-purge': batch },
          signal: AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS),
        })
        await response.body?.cancel()
        if (!response.ok) log.error({ msg: `purging ${url} answered ${response.status} (keys: ${batch})` })
        return { url, keys: batch, status: response.status }
      } catch (error) {
        log.error({ msg: `purging ${url} failed (keys: ${batch})`, err: error })
        return { url, keys: batch, error: (error as Error).message }
      }
    }),
  )
}

/**
 * Purges the pages of these cache tags from every shared cache, now and once more after
 * REPEAT_AFTER_MS. Returns at once: the caller (an editor's save) never waits for a cache.
 */
export function purgeSharedCaches(tags: Iterable<string>, log?: PurgeLogger): void {
  const keys = [...new Set([...tags].map(surrogateKey))]
  if (keys.length === 0 || !process.env.PURGE_URLS) return
  void purgeKeys(keys, { log })
  setTimeout(() => void purgeKeys(keys, { log }), REPEAT_AFTER_MS).unref()
}

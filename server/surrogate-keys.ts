import { createHash } from 'node:crypto'

/**
 * Cache tags (lib/content/cache-tags.ts) as surrogate keys: the names a shared cache in front (Varnish's
 * `xkey`, Fastly's `Surrogate-Key`, Cloudflare's `Cache-Tag`) files each page under, and the names
 * the server purges by (server/shared-cache-purge.ts). One function names both, so they always agree.
 */

/** Carried by every shared page: purging it empties the whole shared cache (e.g. after a deploy). */
export const SITE_KEY = 'masthead'

// Short tags of plain ASCII are kept as they are, readable in logs and in a hand-made purge. Every
// tag has a colon (`article:…`, `author:…`); a hashed key has none, so the two can never collide.
const KEPT = /^[A-Za-z0-9:._-]{1,40}$/

/**
 * The surrogate key of one cache tag: the tag itself when short and plain, else `h` + 16 hex digits
 * of its SHA-256 (slugs in any script, long slugs: header bytes stay small and always ASCII).
 */
export function surrogateKey(tag: string): string {
  return KEPT.test(tag) ? tag : `h${createHash('sha256').update(tag).digest('hex').slice(0, 16)}`
}

/** The header value (space-separated, as xkey and Fastly read it) for a page built from `tags`. */
export function surrogateKeyHeader(tags: Iterable<string>): string {
  return [...new Set([SITE_KEY, ...[...tags].map(surrogateKey)])].join(' ')
}

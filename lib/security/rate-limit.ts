/**
 * A fixed-window counter per key, in memory: each process counts on its own (documented in the
 * README; the database-backed lockout after five wrong passwords holds across processes).
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one attempt for `key`; when over the limit, the seconds until it may try again. */
  hit(key: string, now = Date.now()): { allowed: true } | { allowed: false; retryAfter: number } {
    const window = this.windows.get(key)
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 50_000) this.prune(now)
      this.windows.set(key, { start: now, count: 1 })
      return { allowed: true }
    }
    window.count++
    if (window.count <= this.limit) return { allowed: true }
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) }
  }

  private prune(now: number) {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key)
  }
}

/**
 * The client's address as the proxy in front saw it: the last X-Forwarded-For entry (the one our
 * proxy appended; earlier ones are whatever the client sent), else X-Real-IP, else "unknown".
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean)
  return forwarded?.at(-1) ?? headers.get('x-real-ip')?.trim() ?? 'unknown'
}

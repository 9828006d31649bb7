import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Which cache tags a page's content came from. Every cached read in `lib/content/queries.ts` declares its
 * tags; rendering a page inside `collectTags` gathers them, so the page cache knows when to drop it.
 */
const scope = new AsyncLocalStorage<Set<string>>()

export function declareTags(tags: readonly string[]): void {
  const collected = scope.getStore()
  if (collected) for (const tag of tags) collected.add(tag)
}

export async function collectTags<T>(work: () => Promise<T>): Promise<{ value: T; tags: string[] }> {
  const collected = new Set<string>()
  const value = await scope.run(collected, work)
  return { value, tags: [...collected] }
}

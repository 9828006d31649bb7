import { sitePage } from '@/reader/page'
import { searchCacheKey, searchPage } from '@/reader/views/search'

// Rendered by reader/page.tsx, which caches the HTML per search (its canonical URL) and drops it when any article changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage((_params, url) => searchPage(url), { cacheKey: searchCacheKey })

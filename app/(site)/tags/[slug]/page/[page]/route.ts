import { olderPage, sitePage } from '@/reader/page'
import { tagPath } from '@/lib/content/site'
import { tagPage } from '@/reader/views/topics'

// Rendered by reader/page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string; page: string }>(({ slug, page }) => olderPage(page, tagPath(slug), (n) => tagPage(slug, n)))

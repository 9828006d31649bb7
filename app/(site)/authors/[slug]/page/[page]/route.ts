import { olderPage, sitePage } from '@/reader/page'
import { authorPath } from '@/lib/content/site'
import { authorPage } from '@/reader/views/author'

// Rendered by reader/page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string; page: string }>(({ slug, page }) => olderPage(page, authorPath(slug), (n) => authorPage(slug, n)))

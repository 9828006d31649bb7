import { olderPage, sitePage } from '@/lib/site-page'
import { authorPath } from '@/lib/site'
import { authorPage } from '../../../../_views/author'

// Rendered by lib/site-page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string; page: string }>(({ slug, page }) => olderPage(page, authorPath(slug), (n) => authorPage(slug, n)))

import { olderPage, sitePage } from '@/lib/site-page'
import { tagPath } from '@/lib/site'
import { tagPage } from '../../../../_views/topics'

// Rendered by lib/site-page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string; page: string }>(({ slug, page }) => olderPage(page, tagPath(slug), (n) => tagPage(slug, n)))

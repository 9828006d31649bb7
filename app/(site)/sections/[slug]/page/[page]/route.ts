import { olderPage, sitePage } from '@/lib/site-page'
import { sectionPath } from '@/lib/site'
import { sectionPage } from '../../../../_views/topics'

// Rendered by lib/site-page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string; page: string }>(({ slug, page }) => olderPage(page, sectionPath(slug), (n) => sectionPage(slug, n)))

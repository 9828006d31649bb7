import { olderPage, sitePage } from '@/lib/site-page'
import { latestPage } from '../../_views/latest'

// Rendered by lib/site-page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ page: string }>(({ page }) => olderPage(page, '/', latestPage))

import { pageNumber } from '@/lib/pagination'
import { sitePage } from '@/lib/site-page'
import { latestPage } from '../../_views/latest'

// Rendered by lib/site-page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ page: string }>(async ({ page }) => {
  const n = pageNumber(page)
  if (n === 1) return { redirect: '/' }
  return n ? latestPage(n) : null
})

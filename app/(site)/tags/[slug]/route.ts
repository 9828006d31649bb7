import { sitePage } from '@/lib/site-page'
import { tagPage } from '../../_views/topics'

// Rendered by lib/site-page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string }>(({ slug }) => tagPage(slug, 1))

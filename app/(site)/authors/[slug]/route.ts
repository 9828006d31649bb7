import { sitePage } from '@/lib/site-page'
import { authorPage } from '../../_views/author'

// Rendered by lib/site-page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string }>(({ slug }) => authorPage(slug, 1))

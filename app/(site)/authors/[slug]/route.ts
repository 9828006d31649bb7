import { sitePage } from '@/reader/page'
import { authorPage } from '@/reader/views/author'

// Rendered by reader/page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string }>(({ slug }) => authorPage(slug, 1))

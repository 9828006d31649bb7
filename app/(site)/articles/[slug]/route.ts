import { sitePage } from '@/reader/page'
import { articlePage } from '@/reader/views/article'

// Rendered by reader/page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string }>(({ slug }) => articlePage(slug))

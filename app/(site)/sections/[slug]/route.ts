import { sitePage } from '@/reader/page'
import { sectionPage } from '@/reader/views/topics'

// Rendered by reader/page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage<{ slug: string }>(({ slug }) => sectionPage(slug, 1))

import { sitePage } from '@/reader/page'
import { correctionsPage } from '@/reader/views/corrections'

// Rendered by reader/page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = sitePage(() => correctionsPage(1))

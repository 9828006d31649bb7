import { sitePage } from '@/reader/page'

// Rendered by reader/page.tsx, which caches the HTML itself and drops it the moment its content changes.
export const dynamic = 'force-dynamic'

// Any URL no other route claims: the site's own 404 page, with a real 404 status.
export const GET = sitePage(async () => null)

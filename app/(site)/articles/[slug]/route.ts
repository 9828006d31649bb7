import { articleRoute } from '@/reader/views/ninjs'

// Rendered by reader/page.tsx (the page) or reader/document.ts (its ninjs), which cache what they
// render and drop it the moment its content changes.
export const dynamic = 'force-dynamic'

export const GET = articleRoute

import { articlesFeed } from '@/reader/views/feeds'

// Rendered on first request and cached; publishing expires it through the `articles:latest` tag.
export const dynamic = 'force-dynamic'

export const GET = articlesFeed

import { correctionsFeed } from '@/reader/views/feeds'

// Cached like the articles feed; expired through the `corrections` tag.
export const dynamic = 'force-dynamic'

export const GET = correctionsFeed

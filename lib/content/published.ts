import type { Where } from 'payload'

/** What readers may see of a collection with drafts: its published documents. */
export const PUBLISHED: Where = { _status: { equals: 'published' } }

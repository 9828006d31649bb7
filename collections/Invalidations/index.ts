import type { CollectionConfig } from 'payload'
import { INVALIDATIONS_SLUG } from '@/lib/invalidation/log'

const nobody = () => false

/**
 * The invalidation log (lib/invalidation/log.ts): how a change made by one process reaches the page
 * caches of the others. Written and read by the server itself through the Local API only: hidden
 * from the admin, absent from GraphQL, and closed to every REST call.
 */
export const Invalidations: CollectionConfig = {
  slug: INVALIDATIONS_SLUG,
  admin: { hidden: true },
  graphQL: false,
  lockDocuments: false,
  timestamps: false,
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'sequence', type: 'number', required: true, index: true },
    { name: 'tags', type: 'json', required: true },
    // The process that wrote the entry: it expired the tags itself, after its commit.
    { name: 'origin', type: 'text' },
  ],
}

import type { RelationshipField } from 'payload'
import { isStaffField } from '@/access/roles'

/**
 * Who made the document, which decides what a writer may edit. Set on create from the session by
 * `recordCreator` (hooks/created-by.ts), never by a request; staff may read it.
 */
export const createdByField = (): RelationshipField => ({
  name: 'createdBy',
  type: 'relationship',
  relationTo: 'users',
  index: true,
  access: { read: isStaffField, create: () => false, update: () => false },
  admin: { position: 'sidebar', readOnly: true },
})

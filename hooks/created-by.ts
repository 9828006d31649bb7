import type { CollectionBeforeChangeHook } from 'payload'

/** Who made the document: set once, on create, from the session (the field itself refuses input). */
export const recordCreator: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.user) data.createdBy = req.user.id
  return data
}

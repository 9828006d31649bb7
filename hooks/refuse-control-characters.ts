import type { CollectionBeforeOperationHook } from 'payload'
import { refusal } from '@/lib/security/refusal'
import { controlCharacterErrors } from '@/lib/text/sentences'

/**
 * Refuses, before anything else reads it, a document whose text holds a control character (a NUL
 * would otherwise cut "Gaza\u0000City" to "Gaza" in SQLite): a 400 naming each field.
 */
export const refuseControlCharacters: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const errors = controlCharacterErrors((args as { data?: unknown }).data)
  if (errors.length === 0) return args
  throw refusal(collection.slug, errors, req)
}

/** A document's id: a number on SQLite, a string (ObjectId) on MongoDB. */
export type Id = number | string

/** A relationship value fetched with enough depth is the document itself; otherwise it is only an id. */
export function isPopulated<T extends { id: Id }>(value: Id | T | null | undefined): value is T {
  return typeof value === 'object' && value !== null
}

/** The id of a relationship value: a bare id, or a populated document. */
export function idOf(value: unknown): Id | null {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id)
  return null
}

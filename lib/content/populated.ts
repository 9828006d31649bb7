/** A relationship value fetched with enough depth is the document itself; otherwise it is only an id. */
export function isPopulated<T extends { id: number | string }>(value: number | string | T | null | undefined): value is T {
  return typeof value === 'object' && value !== null
}

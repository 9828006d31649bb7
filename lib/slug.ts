/**
 * Turns a headline or a name into a URL slug: lowercase ASCII letters, digits and single hyphens.
 * Accents are folded ("Müller" → "muller") and apostrophes dropped ("Trump's" → "trumps") so that
 * slugs stay readable in every browser's address bar.
 */
export function slugify(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Returns an error message for an invalid slug, or `true` (Payload's validator convention). */
export function validateSlug(value: unknown): true | string {
  if (typeof value !== 'string' || value === '') return 'A slug is required.'
  if (!SLUG_PATTERN.test(value)) {
    return `"${value}" is not a valid slug: use lowercase letters, digits and single hyphens (e.g. "my-headline-2025").`
  }
  return true
}

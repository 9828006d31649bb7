/**
 * The people a note mentions: `@handle`, where the handle is the part of a staff member's email
 * address before the `@` (`@nadia` is nadia@masthead.test). Only at the start of the text or after a
 * space or an opening bracket, so an email address written in a note (ahmed@example.org) is not one.
 */
const MENTION = /(?<=^|[\s(\[{"'])@([\p{L}\p{N}][\p{L}\p{N}._+-]*)/gu

/** The most mentions one note resolves: a note is not a mailing list. */
export const MAX_MENTIONS = 20

/** The handles mentioned, lowercased, in order, without repeats (a trailing full stop is the sentence's). */
export function mentionHandles(text: string): string[] {
  const handles = [...text.matchAll(MENTION)].map((match) => match[1]!.replace(/[._-]+$/, '').toLowerCase())
  return [...new Set(handles.filter(Boolean))]
}

/** The handle of an email address: what `@…` is matched against. */
export function emailHandle(email: string): string {
  return email.slice(0, email.lastIndexOf('@')).toLowerCase()
}

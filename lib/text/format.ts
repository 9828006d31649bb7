/**
 * Small output formatters shared by the reader pages, the feeds and the sitemaps: display dates,
 * and W3C datetimes (XML escaping is `lib/seo/xml.ts`'s). Pure: no environment, no clock.
 */

type DateInput = Date | string

function toDate(value: DateInput): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value)
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`)
  return date
}

/** "30 June 2025" (en-GB, UTC by default). Throws a RangeError for an unreadable date. */
export function formatDisplayDate(iso: DateInput, locale = 'en-GB', timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(toDate(iso))
}

/**
 * A W3C datetime (the profile of ISO 8601 that sitemaps use). A date-only string ("2025-06-30") is
 * kept as is; anything else is read as a date and written in UTC. Throws a RangeError when unreadable.
 */
export function toW3CDateTime(value: DateInput): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  return toDate(value).toISOString().replace(/\.000Z$/, 'Z')
}

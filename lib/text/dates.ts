/**
 * Dates as newsroom copy writes them. Numeric dates are read day-first ("30/06/2025"), the way
 * our reporters write them; a month-first date such as "06/30/2025" is therefore rejected as
 * impossible rather than silently swapped.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** Full names plus three-letter abbreviations ("Jun") and "Sept", lowercase, to month 1–12. */
const MONTH_NUMBERS = new Map<string, number>([
  ...MONTHS.flatMap((name, index): [string, number][] => [
    [name.toLowerCase(), index + 1],
    [name.slice(0, 3).toLowerCase(), index + 1],
  ]),
  ['sept', 9],
])

/** Each format names its parts so that all of them can be read the same way. */
const FORMATS = [
  String.raw`(?<day>\d{1,2})(?<sep>[/.-])(?<month>\d{1,2})\k<sep>(?<year>\d{4})`,
  String.raw`(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})`,
  String.raw`(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[a-z]{3,9})\.?,?\s+(?<year>\d{4})`,
  String.raw`(?<month>[a-z]{3,9})\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<year>\d{4})`,
]

const WHOLE = FORMATS.map((format) => new RegExp(`^(?<date>${format})$`, 'i'))
// The date must be a separate word: "Ahmed 130/06/2025" is not a byline dated 30 June.
const TRAILING = FORMATS.map((format) => new RegExp(`^(?:(?<before>.*?)\\s+)?(?<date>${format})$`, 'i'))

/**
 * Reads a date written in one of the newsroom formats and returns it as "YYYY-MM-DD", or null
 * when the text is not a date at all. Throws a RangeError when it has a date's shape but names a
 * day that does not exist ("31/02/2025"), so that callers can report the typo instead of ignoring it.
 */
export function parseNewsDate(text: string): string | null {
  for (const pattern of WHOLE) {
    const match = pattern.exec(text.trim())
    if (match) return toIsoDate(match)
  }
  return null
}

/**
 * Splits a line that ends with a date, such as the byline "Ahmed Mohammed 30/06/2025", into the
 * text before the date and the date ("YYYY-MM-DD"). Returns null when the line does not end with
 * a date; throws a RangeError like parseNewsDate for impossible dates.
 */
export function splitTrailingDate(line: string): { before: string; date: string } | null {
  for (const pattern of TRAILING) {
    const match = pattern.exec(line.trim())
    if (!match) continue
    const date = toIsoDate(match)
    if (date === null) continue
    // Reporters sometimes separate name and date: "Ahmed Mohammed, 30 June 2025" or "… — 30/06/2025".
    const before = (match.groups?.before ?? '').replace(/[\s,;|–—-]+$/, '')
    return { before, date }
  }
  return null
}

function toIsoDate(match: RegExpExecArray): string | null {
  const part = (name: string): string => match.groups?.[name] ?? ''
  const monthText = part('month')
  const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTH_NUMBERS.get(monthText.toLowerCase())
  if (month === undefined) return null
  const year = Number(part('year'))
  const day = Number(part('day'))
  const text = part('date')
  const monthName = MONTHS[month - 1]
  if (monthName === undefined) throw new RangeError(`${text} is not a real date (there is no month ${month})`)
  if (day < 1) throw new RangeError(`${text} is not a real date (there is no day ${day})`)
  const length = daysInMonth(year, month)
  if (day > length) {
    throw new RangeError(`${text} is not a real date (${monthName} ${year} has ${length} days)`)
  }
  return `${part('year')}-${pad(month)}-${pad(day)}`
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** An instant (a date or a date's text) as UTC's ISO text, or null when it is none. */
export function utcIso(value: unknown): string | null {
  if (!(typeof value === 'string' || value instanceof Date)) return null
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

/**
 * An instant as UTC's ISO text ("2025-06-01T01:30:00+02:00" → "2025-05-31T23:30:00.000Z"), the one
 * form that sorts and compares as text in time order. Anything that is not a date is returned as it
 * is, for the field's validation to refuse by name.
 */
export function utcDate<T>(value: T): T | string {
  return utcIso(value) ?? value
}

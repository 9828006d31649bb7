/**
 * Checks on what a client asks to read (page, limit, where), made before Payload turns them into a
 * database query: a value the database cannot take (`Infinity`, `NaN`, an unparseable date, a
 * 60,000-character LIKE pattern) is the client's mistake and must come back as a 400 naming the
 * parameter, not as a driver error and a 500. Pure: the caller says what the fields and ids are.
 */

/** The most a reader (anyone not signed in as staff) may read in one page, through REST or GraphQL. */
export const MAX_PUBLIC_PAGE = 100
/** The longest value one condition may hold: far above any search, far below SQLite's LIKE limit. */
export const MAX_CONDITION_CHARACTERS = 1_000
/** How deeply `and`/`or` may nest: past this a `where` is an attack, not a search. */
const MAX_WHERE_DEPTH = 8

/** What the check needs to know about a field queried by name. */
export type FieldKind = 'date' | 'number' | 'id' | 'other'

export interface QueryShape {
  /** The kind of the field at a dotted path, or 'other' when the path is not one this check knows. */
  kindOf: (path: string) => FieldKind
  /** Whether a value is a document id for this database (whole numbers on SQLite, ObjectIds on MongoDB). */
  isId: (value: unknown) => boolean
}

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const UNTYPED_OPERATORS = new Set(['exists', 'near', 'within', 'intersects'])

const shown = (value: unknown) => {
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)
}

/** `page` must be a whole number from 1 up, `limit` a whole number from 0 up (what Payload accepts). */
export function pagingProblem(args: { page?: unknown; limit?: unknown }): string | null {
  if (args.page !== undefined && !(Number.isSafeInteger(args.page) && (args.page as number) >= 1)) {
    return `page must be a whole number from 1 up; ${shown(args.page)} is not.`
  }
  if (args.limit !== undefined && !(Number.isSafeInteger(args.limit) && (args.limit as number) >= 0)) {
    return `limit must be a whole number from 0 up; ${shown(args.limit)} is not.`
  }
  return null
}

/**
 * A reader's page of at most MAX_PUBLIC_PAGE documents: `limit=0` and `pagination=false` (both
 * "everything" to Payload) become a full page, larger limits are cut to one.
 */
export function cappedPaging<T extends { limit?: number; pagination?: boolean }>(args: T): T {
  const limit = args.limit
  const unbounded = args.pagination === false || limit === 0 || (limit !== undefined && limit > MAX_PUBLIC_PAGE)
  if (!unbounded) return args
  return { ...args, pagination: true, limit: limit && limit < MAX_PUBLIC_PAGE ? limit : MAX_PUBLIC_PAGE }
}

/** The first thing wrong with a `where`, named as its query parameter (`where[publishedAt][greater_than]`), or null. */
export function whereProblem(where: unknown, shape: QueryShape, label = 'where', depth = 0): string | null {
  if (where === undefined || where === null) return null
  if (typeof where !== 'object' || Array.isArray(where)) {
    return `${label} must be a set of conditions, such as ${label}[title][equals]=Budget; ${shown(where)} is not.`
  }
  if (depth > MAX_WHERE_DEPTH) return `${label} nests and/or more than ${MAX_WHERE_DEPTH} levels deep.`
  for (const [key, condition] of Object.entries(where)) {
    const at = `${label}[${key}]`
    if (key === 'and' || key === 'or') {
      if (!Array.isArray(condition)) return `${at} must be a list of conditions.`
      for (const [index, inner] of condition.entries()) {
        const problem = whereProblem(inner, shape, `${at}[${index}]`, depth + 1)
        if (problem) return problem
      }
      continue
    }
    if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) {
      return `${at} must name an operator, such as ${at}[equals]=…; ${shown(condition)} is not one.`
    }
    const kind = key === 'id' ? 'id' : shape.kindOf(key)
    for (const [operator, value] of Object.entries(condition)) {
      const problem = valueProblem(`${at}[${operator}]`, operator, value, kind, shape)
      if (problem) return problem
    }
  }
  return null
}

function valueProblem(at: string, operator: string, value: unknown, kind: FieldKind, shape: QueryShape): string | null {
  // Payload accepts a list either as an array or as one comma-separated string.
  const values = LIST_OPERATORS.has(operator) ? (typeof value === 'string' ? value.split(',') : [value].flat()) : [value]
  for (const item of values) {
    if (typeof item === 'string' && item.length > MAX_CONDITION_CHARACTERS) {
      return `${at} is ${item.length} characters long; at most ${MAX_CONDITION_CHARACTERS} are allowed.`
    }
    if (UNTYPED_OPERATORS.has(operator) || item === null || item === undefined || item === '') continue
    if (kind === 'date' && !validDate(item)) return `${at} must be a date, such as 2025-06-01T09:00:00Z; ${shown(item)} is not.`
    if (kind === 'number' && !validNumber(item)) return `${at} must be a number; ${shown(item)} is not.`
    if (kind === 'id' && !shape.isId(item)) return `${at} must be a document id; ${shown(item)} is not.`
  }
  return null
}

function validDate(value: unknown): boolean {
  if (value instanceof Date) return Number.isFinite(value.getTime())
  return (typeof value === 'string' || typeof value === 'number') && Number.isFinite(new Date(value).getTime())
}

function validNumber(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
}

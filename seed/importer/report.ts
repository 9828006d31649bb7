import path from 'node:path'
import type { PhotoSource } from '@/seed/photo'

/* What importing a piece reports: its result, one line per piece, a summary, errors as one line. */

export type Id = number | string
export type Action = 'created' | 'updated' | 'unchanged'
export type PieceStatus = Action | 'failed'
export type Collection = 'articles' | 'authors' | 'media'

export interface PieceResult {
  /** The path as given. */
  file: string
  /** created: the article is new; updated: something was written; unchanged: nothing was; failed: nothing was kept. */
  status: PieceStatus
  /** Documents of this piece (authors, photo, article) by what happened to them; all zero when it failed. */
  counts: Record<Action, number>
  authors: { id: Id; name: string; slug: string; action: Action }[]
  photo: { id: Id; action: Action | 'replaced'; source: PhotoSource['kind']; filename: string } | null
  article: { id: Id; slug: string; action: Action } | null
  paragraphs: number
  /** What went wrong, starting with the file (and line, for a file that does not parse). */
  error?: string
  /** The line of the text file at fault, for a file that does not parse. */
  line?: number
  ms: number
}

/** An error as one line: Payload's validation errors name their fields; a failed SQL query gives its cause, not its text. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.message.startsWith('Failed query:') && error.cause instanceof Error) {
    return `the database refused a query: ${describeError(error.cause)}`
  }
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  const detail = fields?.length ? ` (${fields.map((field) => `${field.path}: ${field.message}`).join('; ')})` : ''
  return `${error.message.replace(/\.$/, '')}${detail}`
}

/** One line per piece: parsed, authors, photo, article, each created / updated / unchanged. */
export function describeResult(result: PieceResult): string {
  const name = path.basename(result.file)
  if (result.status === 'failed') return `✗ ${name}: FAILED: ${result.error}`
  const authors = result.authors.map((author) => `author ${author.name} ${author.action}`)
  const photo = result.photo
    ? `photo ${result.photo.action} (${result.photo.source === 'placeholder' ? 'placeholder: no image beside the text' : 'image beside the text'})`
    : 'no photo'
  const article = result.article ? `article ${result.article.slug} ${result.article.action}` : ''
  return `✓ ${name}: parsed (${result.paragraphs} paragraphs) · ${[...authors, photo, article].join(' · ')} · ${result.ms} ms`
}

export function summarize(results: readonly PieceResult[], ms: number): string {
  const count = (status: PieceStatus) => results.filter((result) => result.status === status).length
  const files = `${results.length} file${results.length === 1 ? '' : 's'}`
  return `Seeded ${files} in ${(ms / 1000).toFixed(2)} s: ${count('created')} created, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed`
}

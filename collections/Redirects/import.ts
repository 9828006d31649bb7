import { ValidationError, type PayloadRequest } from 'payload'
import { normalizePath, parseRedirectCsv } from '@/lib/content/redirects'

/** Bounds one import: a migration of a larger site sends several files. */
const MAX_BYTES = 1024 * 1024
const MAX_LINES = 5000

export type ImportResult = { line: number; from?: string; to?: string; result: 'created' | 'updated' | 'unchanged' | 'error'; message?: string }

async function csvOf(req: PayloadRequest): Promise<string | null> {
  const body = req.text ? await req.text() : ''
  if (!req.headers.get('content-type')?.includes('json')) return body
  try {
    const parsed: unknown = JSON.parse(body)
    const csv = typeof parsed === 'object' && parsed !== null ? (parsed as { csv?: unknown }).csv : undefined
    return typeof csv === 'string' ? csv : null
  } catch {
    return null
  }
}

function messageOf(error: unknown): string {
  if (error instanceof ValidationError) return error.data.errors.map((each) => each.message).join(' ')
  return error instanceof Error ? error.message : String(error)
}

/**
 * POST /api/redirects/import (editors and admins; checked by the endpoint): the body is CSV
 * (text/csv), or JSON `{ "csv": "…" }`, `from,to[,status]` a line. Each line is saved on its own through the collection, so it meets the
 * same checks as one typed in the admin (paths, chains, loops); a line that fails is named in the
 * report and the others are imported. Importing the same file twice changes nothing.
 */
export async function importRedirects(req: PayloadRequest): Promise<Response> {
  const text = await csvOf(req)
  if (text === null || text.trim() === '') {
    return Response.json({ errors: [{ message: 'Send the CSV as the request body (text/csv, or JSON {"csv": "…"}): from,to[,status] a line.' }] }, { status: 400 })
  }
  if (Buffer.byteLength(text) > MAX_BYTES) {
    return Response.json({ errors: [{ message: `The CSV is larger than ${MAX_BYTES / 1024} KiB: split it into several imports.` }] }, { status: 413 })
  }
  const rows = parseRedirectCsv(text)
  if (rows.length > MAX_LINES) {
    return Response.json({ errors: [{ message: `The CSV has ${rows.length} lines; at most ${MAX_LINES} at a time.` }] }, { status: 413 })
  }

  const results: ImportResult[] = []
  for (const row of rows) {
    if ('error' in row) {
      results.push({ line: row.line, result: 'error', message: `Line ${row.line}: ${row.error}` })
      continue
    }
    const { line, from, to, status } = row
    try {
      const normalized = normalizePath(from)
      const path = 'path' in normalized ? normalized.path : from
      const { docs } = await req.payload.find({ collection: 'redirects', where: { from: { equals: path } }, limit: 1, depth: 0, req })
      const existing = docs[0]
      if (!existing) {
        await req.payload.create({ collection: 'redirects', data: { from, to, status, origin: 'import' }, req })
        results.push({ line, from, to, result: 'created' })
      } else {
        const updated = await req.payload.update({ collection: 'redirects', id: existing.id, data: { to, status }, req })
        const same = updated.to === existing.to && updated.status === existing.status
        results.push({ line, from, to, result: same ? 'unchanged' : 'updated' })
      }
    } catch (error) {
      results.push({ line, from, to, result: 'error', message: `Line ${line}: ${messageOf(error)}` })
    }
  }
  const count = (result: ImportResult['result']) => results.filter((each) => each.result === result).length
  const summary = { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors: count('error') }
  return Response.json({ ...summary, lines: results }, { status: 200 })
}

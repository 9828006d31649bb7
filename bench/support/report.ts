/** Small shared pieces: statistics, a plain-text table, and the editor's REST calls. */

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Nearest-rank percentile of the values (NaN when there are none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!
}

export const ms = (value: number | null | undefined) => (value == null || Number.isNaN(value) ? '–' : `${Math.round(value)} ms`)
export const ms1 = (value: number | null | undefined) => (value == null || Number.isNaN(value) ? '–' : `${value.toFixed(1)} ms`)
export const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL')

/** Prints rows as an aligned text table (first row: headings). */
export function printTable(title: string, rows: (string | number)[][]): void {
  const cells = rows.map((row) => row.map(String))
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)))
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()
  console.log(`\n${title}`)
  console.log(line(cells[0]!))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of cells.slice(1)) console.log(line(row))
}

/** Signs in through REST as an editor would; the token goes in `Authorization: JWT <token>`. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  })
  const body = (await response.json()) as { token?: string; errors?: unknown }
  if (response.status !== 200 || !body.token) throw new Error(`login failed (${response.status}): ${JSON.stringify(body)}`)
  return body.token
}

/** An editor's REST call; throws unless the answer is 2xx. */
export async function api<T = { doc: { id: number; slug: string; title: string } }>(
  url: string,
  token: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: `JWT ${token}`, ...(data === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: data === undefined ? undefined : JSON.stringify(data),
    signal: AbortSignal.timeout(30_000),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 500)}`)
  return JSON.parse(text) as T
}

export interface Timed {
  status: number
  text: string
  ms: number
  startedAt: number
  endedAt: number
  headers: Headers
}

/** A GET, anonymous unless `headers` say otherwise (no cookies), timed from sending to the last byte. */
export async function timedGet(url: string, timeoutMs = 30_000, headers: Record<string, string> = {}): Promise<Timed> {
  const startedAt = performance.now()
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers })
  const text = await response.text()
  const endedAt = performance.now()
  return { status: response.status, text, ms: endedAt - startedAt, startedAt, endedAt, headers: response.headers }
}

/** Milliseconds the benchmark's duration settings allow, from an env variable in seconds. */
export function secondsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, not "${raw}"`)
  return value
}

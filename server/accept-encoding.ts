/**
 * Whether a request's Accept-Encoding allows gzip (RFC 9110 §12.5.3): listed, or covered by "*", with
 * a non-zero quality. A missing header means "anything", but clients that send none (curl, bots) are
 * better served plain, as servers commonly do.
 */
export function acceptsGzip(header: string | null | undefined): boolean {
  if (!header) return false
  let wildcard: boolean | null = null
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='))
    const allowed = q === undefined || Number(q.slice(2)) > 0
    if (name.trim() === 'gzip' || name.trim() === 'x-gzip') return allowed
    if (name.trim() === '*') wildcard = allowed
  }
  return wildcard ?? false
}

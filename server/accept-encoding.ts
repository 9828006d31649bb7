/** The content codings reader pages are kept in besides the plain bytes, best first (brotli is the smaller). */
export type ContentCoding = 'br' | 'gzip'
export const CODINGS: readonly ContentCoding[] = ['br', 'gzip']

/**
 * Which of the `available` codings to send for a request's Accept-Encoding (RFC 9110 §12.5.3): the
 * one with the highest non-zero quality, listed or covered by "*"; at equal quality, the first of
 * `available`. `x-gzip` counts as gzip. A missing header means "anything", but clients that send
 * none (curl, bots) are better served plain, as servers commonly do: null, the plain bytes.
 */
export function chooseEncoding(header: string | null | undefined, available: readonly ContentCoding[]): ContentCoding | null {
  if (!header) return null
  const quality = new Map<string, number>()
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.trim().toLowerCase().split(';')
    const name = rawName.trim() === 'x-gzip' ? 'gzip' : rawName.trim()
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='))
    const value = q === undefined ? 1 : Number(q.slice(2))
    quality.set(name, Number.isFinite(value) ? value : 0)
  }
  let best: ContentCoding | null = null
  let bestQuality = 0
  for (const coding of available) {
    const q = quality.get(coding) ?? quality.get('*') ?? 0
    if (q > bestQuality) [best, bestQuality] = [coding, q]
  }
  return best
}

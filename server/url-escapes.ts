/**
 * True when the path of a request target holds a percent-escape that does not decode ("%D9%8",
 * "%ZZ", half a UTF-8 sequence). Next's router would answer such a URL with a 500; the server
 * answers 404 before it (server/server.ts): no page has that address. The query is left to the
 * routes, which read it leniently.
 */
export function hasMalformedPathEscape(url: string): boolean {
  const query = url.search(/[?#]/)
  const path = query === -1 ? url : url.slice(0, query)
  if (!path.includes('%')) return false
  try {
    decodeURIComponent(path)
    return false
  } catch {
    return true
  }
}

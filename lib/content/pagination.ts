/** The page number in a `/page/<n>` URL, or null (a 404) for anything but a positive whole number. */
export function pageNumber(segment: string): number | null {
  return /^[1-9]\d{0,5}$/.test(segment) ? Number(segment) : null
}

/** The URL of page `n` of a listing whose first page is `basePath` ("/" for the front page). */
export function listingPath(basePath: string, n: number): string {
  if (n === 1) return basePath
  return `${basePath === '/' ? '' : basePath}/page/${n}`
}

/** The title of page `n` of a listing: the listing's own title on page 1, then "<title>, page n". */
export function pagedTitle(title: string, n: number): string {
  return n === 1 ? title : `${title}, page ${n}`
}

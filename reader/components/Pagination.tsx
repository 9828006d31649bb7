/** @jsxImportSource preact */

/** Links to a listing's neighbouring pages; `hrefFor(n)` builds the URL of page n. Nothing for a single page. */
export function Pagination({ page, totalPages, hrefFor, label }: { page: number; totalPages: number; hrefFor: (n: number) => string; label: string }) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label={`${label}: pages`}>
      {page > 1 && (
        <a href={hrefFor(page - 1)} rel="prev">
          ← Newer
        </a>
      )}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <a href={hrefFor(page + 1)} rel="next">
          Older →
        </a>
      )}
    </nav>
  )
}

/** @jsxImportSource preact */

/** Shown (with a 503) when a page that is not cached cannot be rendered, e.g. the database is down. */
export function Unavailable({ path }: { path: string }) {
  return (
    <div className="not-found">
      <h1>This page is temporarily unavailable</h1>
      <p>Something on our side is not working right now. Please try again in a moment.</p>
      <p>
        <a href={path}>Try again</a> or <a href="/">go to the front page</a>.
      </p>
    </div>
  )
}

'use client'

// Shown when a page that is not cached yet cannot be rendered (e.g. the database is unreachable);
// cached pages keep being served meanwhile. Plain words, no details from the server.
export default function SiteError({ reset }: { reset: () => void }) {
  return (
    <div className="not-found">
      <h1>This page is temporarily unavailable</h1>
      <p>Something on our side is not working right now. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        or <a href="/">go to the front page</a>.
      </p>
    </div>
  )
}

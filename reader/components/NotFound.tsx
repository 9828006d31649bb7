/** @jsxImportSource preact */

export function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>The page you asked for isn’t here. It may have moved, or it may not have been published yet.</p>
      <ul>
        <li>
          <a href="/">Read the latest news</a>
        </li>
        <li>
          <a href="/feed.xml">Follow the RSS feed</a>
        </li>
      </ul>
    </div>
  )
}

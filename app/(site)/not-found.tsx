import Link from 'next/link'

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>The page you asked for isn’t here. It may have moved, or it may not have been published yet.</p>
      <ul>
        <li>
          <Link href="/">Read the latest news</Link>
        </li>
        <li>
          <Link href="/feed.xml">Follow the RSS feed</Link>
        </li>
      </ul>
    </div>
  )
}

import Link from 'next/link'

export default function HomePage() {
  return (
    <main>
      <h1>Masthead</h1>
      <p>The reader site is on its way. Editors can sign in to the newsroom.</p>
      <p>
        <Link href="/admin">Open the admin</Link>
      </p>
    </main>
  )
}

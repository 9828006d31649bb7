import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { SECTIONS } from '@/lib/sections'
import { SITE_NAME, siteUrl } from '@/lib/site'
import './site.css'

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
  description: `News from the ${SITE_NAME} newsroom.`,
  alternates: { types: { 'application/rss+xml': [{ url: '/feed.xml', title: `${SITE_NAME}: latest articles` }] } },
}

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#16171a' },
  ],
}

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-name">
            {SITE_NAME}
          </Link>
          <nav aria-label="Sections">
            <ul>
              {SECTIONS.slice(0, 6).map((section) => (
                <li key={section.value}>
                  <Link href={`/sections/${section.value}`}>{section.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            © {SITE_NAME} · <Link href="/feed.xml">RSS</Link>
          </p>
        </footer>
      </body>
    </html>
  )
}

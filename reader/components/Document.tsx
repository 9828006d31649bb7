/** @jsxImportSource preact */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ComponentChildren } from 'preact'
import { jsonLdScript } from '@/lib/seo/jsonld'
import { SITE_LANGUAGE, textDirection } from '@/lib/text/language'
import type { PageHead } from '@/lib/seo/page-head'
import { SECTIONS } from '@/lib/content/sections'
import { POLICIES } from '@/lib/content/site'
import { MAX_QUERY_LENGTH } from '@/lib/search/query'

// Inlined in every page: one small stylesheet costs less than a render-blocking request for it.
const css = readFileSync(path.join(process.cwd(), 'reader', 'site.css'), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s+/g, ' ')
  .trim()

/**
 * A whole reader page: plain HTML and CSS, no client JavaScript (nothing on the reader site needs
 * it), so the page is readable the moment it arrives.
 */
export function Document({ head, children }: { head: PageHead; children: ComponentChildren }) {
  const language = head.language ?? SITE_LANGUAGE
  // The page runs in its content's direction (the layout mirrors: site.css uses logical properties);
  // the site's own words around it (skip link, header, footer) keep the site's language.
  const dir = textDirection(language) === 'rtl' ? 'rtl' : undefined
  const chrome = language === SITE_LANGUAGE ? undefined : SITE_LANGUAGE
  const { site } = head
  return (
    <html lang={language} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        {head.description && <meta name="description" content={head.description} />}
        {head.noindex && <meta name="robots" content="noindex" />}
        {head.canonical && <link rel="canonical" href={head.canonical} />}
        <link rel="alternate" type="application/rss+xml" title={`${site.name}: latest articles`} href="/feed.xml" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <meta name="theme-color" media="(prefers-color-scheme: light)" content="#ffffff" />
        <meta name="theme-color" media="(prefers-color-scheme: dark)" content="#16171a" />
        {head.meta.map((tag) =>
          tag.property ? <meta property={tag.property} content={tag.content} /> : <meta name={tag.name} content={tag.content} />,
        )}
        <style dangerouslySetInnerHTML={{ __html: css }} />
        {head.jsonLd.map((data) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(data) }} />
        ))}
      </head>
      <body>
        <a className="skip-link" href="#main" lang={chrome}>
          Skip to content
        </a>
        <header className="site-header" lang={chrome}>
          <a href="/" className="site-name">
            {site.name}
          </a>
          <nav aria-label="Sections">
            <ul>
              {SECTIONS.slice(0, 6).map((section) => (
                <li key={section.value}>
                  <a href={`/sections/${section.value}`}>{section.label}</a>
                </li>
              ))}
            </ul>
          </nav>
          {/* A plain GET form: search works without a script (reader/views/search.tsx). */}
          <form role="search" aria-label="Site search" action="/search" method="get" className="site-search">
            <label htmlFor="site-search-q" className="visually-hidden">
              Search articles
            </label>
            <input id="site-search-q" type="search" name="q" maxLength={MAX_QUERY_LENGTH} required />
            <button type="submit">Search</button>
          </form>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer" lang={chrome}>
          <p>
            © {site.name} · <a href="/feed.xml">RSS</a> · <a href="/corrections">Corrections</a>
            {site.contactEmail && (
              <>
                {' '}
                · <a href={`mailto:${site.contactEmail}`}>Contact</a>
              </>
            )}
            {!site.contactEmail && site.contactUrl && (
              <>
                {' '}
                · <a href={site.contactUrl}>Contact</a>
              </>
            )}
          </p>
          {POLICIES.some(({ field }) => site.policies[field]) && (
            <nav aria-label="Our standards">
              <ul className="policies">
                {POLICIES.filter(({ field }) => site.policies[field]).map(({ field, label }) => (
                  <li key={field}>
                    <a href={site.policies[field]}>{label}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </footer>
      </body>
    </html>
  )
}

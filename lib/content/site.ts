/** The publication's name, as readers, feeds and search engines see it. */
export const SITE_NAME = 'Masthead'

/** The public origin every absolute URL (canonical, OpenGraph, feeds, sitemaps) is built from. */
export function siteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.SITE_URL?.trim()
  if (configured) return configured.replace(/\/+$/, '')
  return `http://localhost:${env.PORT || 3000}`
}

// Slugs may be in any script (lib/text/slug.ts): paths are percent-encoded, as URLs travel on the wire
// and in sitemaps; an ASCII slug is its own encoding.
export const articlePath = (slug: string) => `/articles/${encodeURIComponent(slug)}`
export const authorPath = (slug: string) => `/authors/${encodeURIComponent(slug)}`
export const sectionPath = (section: string) => `/sections/${encodeURIComponent(section)}`
export const tagPath = (tagSlug: string) => `/tags/${encodeURIComponent(tagSlug)}`

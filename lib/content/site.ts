import { isHttpUrl } from '@/lib/text/links'

/** The policies a newsroom publishes (the Trust Project's and schema.org's NewsMediaOrganization). */
export const POLICIES = [
  { field: 'corrections', label: 'Corrections policy', schema: 'correctionsPolicy' },
  { field: 'ethics', label: 'Ethics policy', schema: 'ethicsPolicy' },
  { field: 'ownership', label: 'Ownership and funding', schema: 'ownershipFundingInfo' },
  { field: 'diversity', label: 'Diversity policy', schema: 'diversityPolicy' },
  { field: 'masthead', label: 'Masthead', schema: 'masthead' },
] as const

export type PolicyField = (typeof POLICIES)[number]['field']

/** Who the publication is, as readers, feeds and search engines see it (the site-settings global). */
export interface SiteIdentity {
  name: string
  description: string
  /** An http(s) URL or a path on the site. */
  logoUrl?: string
  contactEmail?: string
  contactUrl?: string
  policies: Partial<Record<PolicyField, string>>
}

/** Before an editor fills in the settings. */
export const DEFAULT_SITE: SiteIdentity = { name: 'Masthead', description: 'News from the Masthead newsroom.', policies: {} }

/** The identity and the public origin absolute URLs are built from: what every page is rendered with. */
export type Site = SiteIdentity & { origin: string }

type Stored = {
  name?: string | null
  description?: string | null
  logoUrl?: string | null
  contactEmail?: string | null
  contactUrl?: string | null
  policies?: Partial<Record<PolicyField, string | null>> | null
}

const filled = (value: string | null | undefined) => value?.trim() || undefined

/** The stored settings with the defaults for what is left empty. */
export function siteIdentity(stored: Stored | null | undefined): SiteIdentity {
  const name = filled(stored?.name) ?? DEFAULT_SITE.name
  const policies: SiteIdentity['policies'] = {}
  for (const { field } of POLICIES) {
    const url = filled(stored?.policies?.[field])
    if (url) policies[field] = url
  }
  return {
    name,
    description: filled(stored?.description) ?? (name === DEFAULT_SITE.name ? DEFAULT_SITE.description : `News from ${name}.`),
    logoUrl: filled(stored?.logoUrl),
    contactEmail: filled(stored?.contactEmail),
    contactUrl: filled(stored?.contactUrl),
    policies,
  }
}

/**
 * Why a settings link cannot be stored (null: it can, or it is empty): an http(s) address or a path
 * on the site ("/about/ethics"), nothing else (no javascript:, no "//host").
 */
export function siteLinkError(value: unknown, label: string): string | null {
  if (value == null || value === '') return null
  if (typeof value !== 'string') return `The ${label} must be text.`
  const url = value.trim()
  if (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')) return null
  return isHttpUrl(url) ? null : `The ${label} must be an http:// or https:// address, or a path on the site such as /about (it is ${JSON.stringify(url.slice(0, 80))}).`
}

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

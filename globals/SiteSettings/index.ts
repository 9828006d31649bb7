import type { Field, GlobalAfterChangeHook, GlobalConfig } from 'payload'
import { anyone, isEditor } from '@/access/roles'
import { TAGS } from '@/lib/content/cache-tags'
import { DEFAULT_SITE, POLICIES, siteLinkError } from '@/lib/content/site'
import { expireTags } from '@/lib/invalidation/expire'

/** A URL field that takes an http(s) address or a path on the site, refusing anything else by name. */
const linkField = (name: string, label: string, description?: string): Field => ({
  name,
  type: 'text',
  label,
  maxLength: 500,
  admin: description ? { description } : undefined,
  validate: (value: unknown) => siteLinkError(value, label) ?? true,
})

/** Every page shows the settings (header, footer, organisation JSON-LD): a change expires them all. */
const expireEveryPage: GlobalAfterChangeHook = async ({ doc, req, context }) => {
  if (!context.disableRevalidate) await expireTags([TAGS.site], req)
  return doc
}

/**
 * Who the publication is: its name and description, logo, contact and published policies. Readers
 * see all of it (the footer, NewsMediaOrganization JSON-LD on every page, the feeds' channel);
 * editors and admins change it.
 */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  label: 'Site settings',
  admin: { group: 'Settings' },
  access: { read: anyone, update: isEditor },
  hooks: { afterChange: [expireEveryPage] },
  fields: [
    { name: 'name', type: 'text', required: true, defaultValue: DEFAULT_SITE.name, maxLength: 100, admin: { description: 'The publication’s name as readers, feeds and Google News see it.' } },
    { name: 'description', type: 'textarea', maxLength: 300, admin: { description: 'One sentence: who you are and what you cover.' } },
    linkField('logoUrl', 'Logo URL', 'An http(s) address or a path on the site (/logo.png): the logo search engines show.'),
    { name: 'contactEmail', type: 'email', label: 'Contact e-mail' },
    linkField('contactUrl', 'Contact page URL'),
    {
      name: 'policies',
      type: 'group',
      admin: { description: 'Where each policy is published: linked in the footer and named in the organisation’s structured data.' },
      fields: POLICIES.map((policy) => linkField(policy.field, policy.label)),
    },
  ],
}

import type { Field } from 'payload'
import { ARTICLE_KINDS, DEFAULT_KIND } from '@/lib/content/labels'

/** The kind of journalism (lib/content/labels.ts), and what a fact check checked. */
export const labelFields: Field[] = [
  {
    name: 'kind',
    type: 'select',
    label: 'Label',
    defaultValue: DEFAULT_KIND,
    options: ARTICLE_KINDS.map(({ value, label }) => ({ value, label })),
    admin: { position: 'sidebar', description: 'Shown above the headline and on cards (none for News). Sponsored articles never go to Google News.' },
  },
  {
    name: 'factCheck',
    type: 'group',
    label: 'Fact check',
    admin: {
      condition: (data) => data?.kind === 'factCheck',
      description: 'Filled in, these publish a ClaimReview search engines show beside the claim.',
    },
    fields: [
      { name: 'claim', type: 'textarea', maxLength: 1_000, admin: { description: 'The claim checked, as made.' } },
      { name: 'claimant', type: 'text', maxLength: 200, admin: { description: 'Who made it (a person or an organisation).' } },
      { name: 'verdict', type: 'text', maxLength: 100, admin: { description: 'The verdict in a few words: "False", "Misleading", "Accurate".' } },
    ],
  },
]

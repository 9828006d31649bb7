import type { TextField } from 'payload'
import { slugify, validateSlug } from '@/lib/slug'

/**
 * A unique URL slug generated from another field (the headline, the name) when left empty,
 * and editable afterwards: changing a headline never silently moves a published URL.
 */
export function slugField(source: string): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    validate: (value: unknown) => validateSlug(value),
    admin: {
      position: 'sidebar',
      description: `Part of the URL. Generated from the ${source} when left empty; lowercase letters, digits and hyphens.`,
    },
    hooks: {
      beforeValidate: [
        ({ value, data, originalDoc }) => {
          if (typeof value === 'string' && value.trim() !== '') return value.trim()
          const from = data?.[source] ?? originalDoc?.[source]
          return typeof from === 'string' ? slugify(from) : value
        },
      ],
    },
  }
}

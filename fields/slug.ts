import type { TextField } from 'payload'
import { slugify, validateSlug } from '@/lib/slug'

/**
 * A unique URL slug generated from another field (the headline, the name) when left empty,
 * and editable afterwards: changing a headline never silently moves a published URL.
 * Whatever an editor types is normalised into slug form, because drafts skip validation and a
 * draft's slug is already its preview URL.
 */
export function slugField(source: string): TextField {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    validate: (value: unknown) => validateSlug(value),
    admin: {
      position: 'sidebar',
      description: `Part of the URL. Generated from the ${source} when left empty; lowercase letters, digits and hyphens.`,
    },
    hooks: {
      beforeValidate: [
        ({ value, data, originalDoc, siblingData }) => {
          const typed = typeof value === 'string' ? slugify(value) : ''
          if (typed !== '') return typed
          const from = data?.[source] ?? originalDoc?.[source]
          if (typeof from === 'string' && slugify(from) !== '') return slugify(from)
          // No slug yet (a blank draft): leave it unset, not null. MongoDB's unique sparse index still
          // indexes an explicit null, so a second blank draft would collide; SQLite allows many NULLs.
          delete siblingData.slug
          return undefined
        },
      ],
    },
  }
}

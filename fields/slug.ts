import type { TextField } from 'payload'
import { slugify, unsluggable, validateSlug } from '@/lib/text/slug'

/**
 * A unique URL slug generated from another field (the headline, the name) when left empty,
 * and editable afterwards: changing a headline never silently moves a published URL.
 * Whatever an editor types is normalised into slug form, because drafts skip validation and a
 * draft's slug is already its preview URL. `language` names the field holding the document's
 * language (BCP 47), which picks language-specific transliteration (lib/text/slug.ts).
 */
export function slugField(source: string, { language }: { language?: string } = {}): TextField {
  const languageOf = (data: Record<string, unknown> | undefined, originalDoc: Record<string, unknown> | undefined) => {
    const value = language ? (data?.[language] ?? originalDoc?.[language]) : undefined
    return typeof value === 'string' ? value : undefined
  }
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    validate: (value: unknown, { data }: { data: Record<string, unknown> }) => {
      if (typeof value !== 'string' || value === '') return unsluggable(data?.[source], source) ?? validateSlug(value)
      return validateSlug(value)
    },
    admin: {
      position: 'sidebar',
      description: `Part of the URL. Generated from the ${source} when left empty; lowercase letters and digits of any script, and hyphens.`,
    },
    hooks: {
      beforeValidate: [
        ({ value, data, originalDoc, siblingData }) => {
          const lang = languageOf(data, originalDoc)
          const typed = typeof value === 'string' ? slugify(value, lang) : ''
          if (typed !== '') return typed
          const from = data?.[source] ?? originalDoc?.[source]
          const generated = typeof from === 'string' ? slugify(from, lang) : ''
          // Nothing to make a slug from: leave it unset (a draft may wait for its headline; a sparse
          // unique index skips a missing value where it would refuse a second null).
          if (generated !== '') return generated
          delete siblingData.slug
          return undefined
        },
      ],
    },
  }
}

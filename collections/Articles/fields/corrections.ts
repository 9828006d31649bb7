import type { Field } from 'payload'
import { isEditorField, isStaffField } from '@/access/roles'
import { CORRECTION_TEXT_MAX, CORRECTION_TYPES, CORRECTIONS_MAX } from '@/lib/content/corrections'

/**
 * Corrections and updates (lib/content/corrections.ts), and the dates readers are shown. Staff may
 * write entries in any draft they may edit; publishing changed entries takes an editor
 * (collections/Articles/hooks/corrections.ts).
 */
export const correctionFields: Field[] = [
  {
    name: 'corrections',
    type: 'array',
    label: 'Corrections and updates',
    labels: { singular: 'Entry', plural: 'Entries' },
    maxRows: CORRECTIONS_MAX,
    access: { create: isStaffField, update: isStaffField },
    admin: {
      initCollapsed: true,
      description:
        'Shown to readers at the foot of the article, newest first; corrections and clarifications are also flagged at its top and listed on /corrections. Plain text; web addresses become links. Only editors can publish a change here.',
    },
    fields: [
      { name: 'type', type: 'select', required: true, defaultValue: 'correction', options: CORRECTION_TYPES.map(({ value, label }) => ({ value, label })) },
      {
        name: 'date',
        type: 'date',
        required: true,
        defaultValue: () => new Date().toISOString(),
        admin: { date: { pickerAppearance: 'dayAndTime' } },
      },
      { name: 'text', type: 'textarea', required: true, maxLength: CORRECTION_TEXT_MAX },
    ],
  },
  {
    // A mark, not a state: publishing with it ticked sets modifiedAt to that moment, then clears it.
    name: 'significantUpdate',
    type: 'checkbox',
    label: 'This edit is a significant update',
    defaultValue: false,
    access: { create: isEditorField, update: isEditorField },
    admin: {
      position: 'sidebar',
      description: 'Tick before publishing to show readers "Updated" with today’s date. Leave it for typo fixes.',
    },
  },
  {
    name: 'modifiedAt',
    type: 'date',
    label: 'Updated for readers',
    access: { create: isEditorField, update: isEditorField },
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime' },
      description: 'The last significant update readers are told of (with the newest correction or update, whichever is later).',
    },
  },
  {
    // Kept by the server (the newest correction or clarification): what /corrections lists and sorts by.
    name: 'correctedAt',
    type: 'date',
    index: true,
    access: { create: () => false, update: () => false },
    admin: { hidden: true },
  },
]

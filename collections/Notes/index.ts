import type { CollectionConfig } from 'payload'
import { isStaff, isStaffField } from '@/access/roles'
import { ownNote, ownNoteOrEditor } from '@/collections/Notes/access'
import { recordAuthorAndMentions } from '@/collections/Notes/hooks/author-and-mentions'
import { refuseControlCharacters } from '@/hooks/refuse-control-characters'

/** The most a note holds: a desk conversation, not a draft. */
const MAX_NOTE_CHARACTERS = 4_000

/**
 * Internal notes on an article: a staff-only thread, kept in its own collection so that no read of
 * an article (REST, GraphQL, versions, pages, feeds, JSON-LD) can carry one. The article's edit view
 * shows its thread (the `notes` join field, collections/Articles/fields/desk.ts).
 */
export const Notes: CollectionConfig = {
  slug: 'notes',
  admin: {
    useAsTitle: 'body',
    defaultColumns: ['article', 'author', 'body', 'createdAt'],
    group: 'Newsroom',
    description: 'Staff-only notes on articles. Mention a colleague with @ and the part of their email before the @.',
  },
  access: {
    read: isStaff,
    create: isStaff,
    update: ownNote,
    delete: ownNoteOrEditor,
  },
  hooks: {
    beforeOperation: [refuseControlCharacters],
    beforeChange: [recordAuthorAndMentions],
  },
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true, maxDepth: 1 },
    { name: 'body', type: 'textarea', required: true, maxLength: MAX_NOTE_CHARACTERS, label: 'Note' },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { read: isStaffField, create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'mentions',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      index: true,
      access: { read: isStaffField, create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', description: 'Set from the @mentions in the note.' },
    },
  ],
}

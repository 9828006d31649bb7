import type { Field } from 'payload'
import { isEditorField, isStaffField } from '@/access/roles'
import { FIRST_STAGE, STAGES } from '@/lib/content/stages'

// The desk's fields are the newsroom's business: staff read them, readers never do (REST, GraphQL,
// `where` and `sort`, which Payload refuses on a field the asker may not read). Who may move a stage
// is collections/Articles/hooks/desk.ts; what holds a story back is collections/Articles/hooks/publish-guardrail.ts.
const staffOnly = { read: isStaffField }
const editorsWrite = { read: isStaffField, create: isEditorField, update: isEditorField }
const serverOnly = { read: isStaffField, create: () => false, update: () => false }

export const deskFields: Field[] = [
  {
    name: 'stage',
    type: 'select',
    options: STAGES.map(({ label, value }) => ({ label, value })),
    defaultValue: FIRST_STAGE,
    index: true,
    access: staffOnly,
    admin: {
      position: 'sidebar',
      description: 'Where the story is on the desk (not whether readers see it). Writers send their drafts to Ready for edit; editors move anything.',
    },
  },
  {
    name: 'assignee',
    type: 'relationship',
    relationTo: 'users',
    index: true,
    access: editorsWrite,
    admin: { position: 'sidebar', description: 'Who is working on it (editors assign).' },
  },
  {
    name: 'dueAt',
    type: 'date',
    index: true,
    access: editorsWrite,
    admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' }, description: 'When it is due (optional).' },
  },
  {
    name: 'legalHold',
    type: 'checkbox',
    index: true,
    access: editorsWrite,
    admin: { position: 'sidebar', description: 'Legal hold: refuses publishing until an editor clears it.' },
  },
  {
    name: 'legalHoldReason',
    type: 'text',
    access: editorsWrite,
    admin: { position: 'sidebar', condition: (data) => Boolean(data?.legalHold), description: 'Why it is held (required with the hold).' },
  },
  {
    name: 'notForPublication',
    type: 'checkbox',
    index: true,
    access: editorsWrite,
    admin: { position: 'sidebar', description: 'Not for publication: background or internal copy, never published.' },
  },
  {
    name: 'embargoUntil',
    type: 'date',
    index: true,
    access: editorsWrite,
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime' },
      description: 'Embargo: not published (nor scheduled) before this time.',
    },
  },
  {
    // Written by the server on every stage change (collections/Articles/hooks/desk.ts), never by a request.
    name: 'stageHistory',
    type: 'array',
    label: 'Stage history',
    access: serverOnly,
    admin: { readOnly: true, initCollapsed: true },
    fields: [
      { name: 'from', type: 'select', options: STAGES.map(({ label, value }) => ({ label, value })) },
      { name: 'to', type: 'select', options: STAGES.map(({ label, value }) => ({ label, value })), required: true },
      { name: 'by', type: 'relationship', relationTo: 'users' },
      { name: 'at', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    ],
  },
  {
    // The staff-only notes thread (collections/Notes), read and written through its own API
    // (admin/NotesThread.tsx): stored apart, so it never travels with the article.
    name: 'notesThread',
    type: 'ui',
    admin: { disableListColumn: true, components: { Field: '@/admin/NotesThread#NotesThread' } },
  },
]

import type { Access } from 'payload'
import { isEditorUser, isStaffUser } from '@/access/roles'

/** A note is changed by the one who wrote it; editors may also delete any (moderation). */
export const ownNote: Access = ({ req: { user } }) => {
  if (!user || !isStaffUser(user)) return false
  return { author: { equals: user.id } }
}

export const ownNoteOrEditor: Access = (args) => (isEditorUser(args.req.user) ? true : ownNote(args))

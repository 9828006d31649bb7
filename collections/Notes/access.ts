import type { Access } from 'payload'
import { hasRole } from '@/access/roles'

/** A note is changed by the one who wrote it; editors may also delete any (moderation). */
export const ownNote: Access = ({ req: { user } }) => {
  if (!user || !hasRole(user, 'admin', 'editor', 'writer')) return false
  return { author: { equals: user.id } }
}

export const ownNoteOrEditor: Access = (args) => (hasRole(args.req.user, 'admin', 'editor') ? true : ownNote(args))

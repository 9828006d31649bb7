import type { Access, Where } from 'payload'
import { hasRole, isEditorUser, isStaffUser } from '@/access/roles'

/**
 * Readers see only photos that something public shows (`shownToReaders`: a published article or an
 * author's profile); the newsroom sees every photo, embargoed ones included.
 */
export const readersSeeShownPhotos: Access = ({ req: { user } }) =>
  isStaffUser(user) ? true : { shownToReaders: { equals: true } }

/**
 * Editors edit any photo. A writer edits only photos they uploaded that readers do not see yet: a
 * caption or alt text changed on a published article's photo would be live at once, unreviewed.
 */
export const canUpdatePhoto: Access = ({ req: { user } }) => {
  if (isEditorUser(user)) return true
  if (!user || !hasRole(user, 'writer')) return false
  const ownUnshown: Where = { and: [{ createdBy: { equals: user.id } }, { shownToReaders: { not_equals: true } }] }
  return ownUnshown
}

import type { Access, Where } from 'payload'
import { hasRole, isEditorUser, isStaffUser } from '@/access/roles'
import { PUBLISHED } from '@/lib/content/published'

/** Readers see published articles only; staff see everything (drafts included). */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (isStaffUser(user)) return true
  return PUBLISHED
}

/** Writers may create drafts, never a published article. */
export const canCreateArticle: Access = ({ req: { user }, data }) => {
  if (isEditorUser(user)) return true
  if (!hasRole(user, 'writer')) return false
  return data?._status !== 'published'
}

/**
 * Editors update anything. Writers update only articles they created that have never been published
 * (so they can neither publish nor unpublish), and only to save them as drafts.
 */
export const canUpdateArticle: Access = ({ req: { user }, data }) => {
  if (isEditorUser(user)) return true
  if (!user || !hasRole(user, 'writer')) return false
  if (data?._status === 'published') return false
  const ownUnpublished: Where = {
    and: [{ createdBy: { equals: user.id } }, { _status: { not_equals: 'published' } }],
  }
  return ownUnpublished
}

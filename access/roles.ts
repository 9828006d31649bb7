import type { Access, FieldAccess, PayloadRequest } from 'payload'
import type { User } from '@/payload-types'

export const ROLES = ['admin', 'editor', 'writer'] as const
export type Role = (typeof ROLES)[number]
type MaybeUser = PayloadRequest['user'] | User | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  const userRoles = (user as User | null | undefined)?.roles ?? []
  return userRoles.some((role) => roles.includes(role))
}

/** Anyone signed in with a newsroom role. */
export const isStaffUser = (user: MaybeUser): boolean => hasRole(user, ...ROLES)
/** Editors and admins: who may publish, and edit anyone's work. */
export const isEditorUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'editor')

export const isStaff: Access = ({ req: { user } }) => isStaffUser(user)
export const isEditor: Access = ({ req: { user } }) => isEditorUser(user)
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

export const isStaffField: FieldAccess = ({ req: { user } }) => isStaffUser(user)
export const isEditorField: FieldAccess = ({ req: { user } }) => isEditorUser(user)
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

export const anyone: Access = () => true

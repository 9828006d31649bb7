import type { Access, FieldAccess, PayloadRequest } from 'payload'
import type { User } from '@/payload-types'

export const ROLES = ['admin', 'editor', 'writer'] as const
export type Role = (typeof ROLES)[number]

export function hasRole(user: PayloadRequest['user'] | User | null | undefined, ...roles: Role[]): boolean {
  const userRoles = (user as User | null | undefined)?.roles ?? []
  return userRoles.some((role) => roles.includes(role))
}

/** Anyone signed in with a newsroom role. */
export const isStaff: Access = ({ req: { user } }) => hasRole(user, ...ROLES)
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

export const isStaffField: FieldAccess = ({ req: { user } }) => hasRole(user, ...ROLES)
export const isEditorField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin', 'editor')
export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

export const anyone: Access = () => true

import type { CollectionConfig } from 'payload'
import { hasRole, isAdmin, isAdminField, isStaffUser, ROLES } from '@/access/roles'
import { guardAccounts } from '@/collections/Users/hooks/account-guards'
import { siteUrl } from '@/lib/content/site'
import { refuseControlCharacters } from '@/hooks/refuse-control-characters'

export const Users: CollectionConfig = {
  slug: 'users',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles'],
    group: 'Newsroom',
  },
  auth: {
    // Five wrong passwords lock the account for ten minutes.
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    useSessions: true,
    // Secure on an HTTPS site; behind a TLS-terminating proxy, also per request (lib/security/secure-cookies.ts).
    cookies: { secure: siteUrl().startsWith('https://'), sameSite: 'Lax' },
  },
  hooks: {
    beforeOperation: [refuseControlCharacters, guardAccounts],
  },
  access: {
    // Only staff may enter the admin panel at all.
    admin: ({ req: { user } }) => isStaffUser(user),
    read: ({ req: { user } }) => {
      if (hasRole(user, 'admin')) return true
      return user ? { id: { equals: user.id } } : false
    },
    create: isAdmin,
    update: ({ req: { user } }) => {
      if (hasRole(user, 'admin')) return true
      return user ? { id: { equals: user.id } } : false
    },
    delete: isAdmin,
    // Payload's default lets anyone signed in unlock any account, undoing the lockout.
    unlock: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    {
      // Asked for, never stored: changing your own password takes the current one (collections/Users/hooks/account-guards.ts).
      name: 'currentPassword',
      type: 'text',
      virtual: true,
      access: { read: () => false },
      admin: {
        description: 'Needed to change your own password.',
        condition: (_, __, { operation }) => operation === 'update',
        components: { Field: '@payloadcms/ui#PasswordField' },
      },
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['writer'],
      options: ROLES.map((role) => ({ label: role[0]!.toUpperCase() + role.slice(1), value: role })),
      // A user cannot promote themselves: only admins assign roles.
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
      hooks: {
        beforeChange: [
          // The first account of a fresh install runs the newsroom: it becomes admin whatever was sent.
          async ({ operation, req, value }) => {
            if (operation !== 'create') return value
            // A filter, because an unfiltered count is MongoDB's `count` command, refused in a transaction.
            const { totalDocs } = await req.payload.count({ collection: 'users', where: { id: { exists: true } }, req })
            return totalDocs === 0 ? ['admin'] : value
          },
        ],
      },
    },
  ],
}

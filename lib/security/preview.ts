import { draftMode, headers } from 'next/headers'
import { isStaffUser } from '@/access/roles'
import type { User } from '@/payload-types'
import { payloadClient } from '@/lib/platform/payload'

/**
 * The staff member previewing drafts, or null. Next's draft-mode cookie is one value shared by the
 * whole build, so it proves nothing by itself: the session that comes with it is checked again on
 * every draft read, and once it is gone (signed out, account deleted, role removed) the request is
 * an anonymous reader's and the stale cookie is cleared.
 */
export async function previewUser(): Promise<User | null> {
  const mode = await draftMode()
  if (!mode.isEnabled) return null
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  if (user && isStaffUser(user)) return user as User
  mode.disable()
  return null
}

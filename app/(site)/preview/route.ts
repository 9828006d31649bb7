import { draftMode, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { isStaffUser } from '@/access/roles'
import { payloadClient } from '@/lib/platform/payload'
import { articlePath } from '@/lib/content/site'
import { isSlug } from '@/lib/text/slug'

/** Staff only: turns on draft mode (the latest drafts) and opens the article. Readers get a 404. */
export async function GET(request: Request): Promise<Response> {
  const slug = new URL(request.url).searchParams.get('slug') ?? ''
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  if (!isStaffUser(user) || !isSlug(slug)) {
    return new Response('Not found', { status: 404 })
  }
  ;(await draftMode()).enable()
  redirect(articlePath(slug))
}

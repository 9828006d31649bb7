import type { CollectionBeforeChangeHook } from 'payload'
import { refusal } from '@/lib/security/refusal'
import { emailHandle, MAX_MENTIONS, mentionHandles } from '@/lib/text/mentions'

/**
 * The note's author is the session's user (set on create, never from the request), and its
 * `mentions` are the staff its text names with `@handle` (lib/text/mentions.ts), looked up here
 * whatever the writer may read; a handle no one has is refused, naming it, rather than dropped.
 */
export const recordAuthorAndMentions: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation === 'create' && req.user) data.author = req.user.id
  const body = typeof data.body === 'string' ? data.body : originalDoc?.body
  const handles = mentionHandles(typeof body === 'string' ? body : '')
  if (handles.length > MAX_MENTIONS) {
    throw refusal(collection.slug, [{ path: 'body', message: `A note may mention at most ${MAX_MENTIONS} people; this one mentions ${handles.length}.` }], req)
  }
  if (handles.length === 0) {
    data.mentions = []
    return data
  }
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { or: handles.map((handle) => ({ email: { like: `${handle}@` } })) },
    select: { email: true },
    depth: 0,
    limit: 10 * MAX_MENTIONS,
    overrideAccess: true,
    req,
  })
  const byHandle = new Map(docs.map((user) => [emailHandle(user.email), user.id]))
  const unknown = handles.filter((handle) => !byHandle.has(handle))
  if (unknown.length > 0) {
    const names = unknown.map((handle) => `@${handle}`).join(', ')
    throw refusal(collection.slug, [{ path: 'body', message: `No one on the staff is ${names}: mention people by the part of their email address before the @.` }], req)
  }
  data.mentions = handles.map((handle) => byHandle.get(handle)!)
  return data
}

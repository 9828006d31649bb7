import { schedulePublishHandler, type SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { APIError, Forbidden, type ServerFunction } from 'payload'
import { isEditorUser } from '@/access/roles'
import { scheduleRefusal } from '@/lib/content/holds'

/**
 * Payload's `schedule-publish` server action creates and deletes scheduled publish/unpublish jobs
 * with full access, checking only that the caller may enter the admin; job ids are sequential, so
 * any writer could cancel an editor's embargo with `{ deleteID }`. Scheduling is publishing: only
 * editors and admins may create or cancel a schedule (writers cannot publish, so they never schedule).
 * A publish is refused when it is scheduled, not only when it falls due, if the article is held or
 * embargoed past the chosen time (lib/content/holds.ts).
 */
export const schedulePublishForEditors: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  if (!isEditorUser(args.req.user)) throw new Forbidden(args.req.t)
  if (args.type === 'publish' && args.doc?.relationTo === 'articles' && args.date) {
    const article = await args.req.payload.findByID({
      collection: 'articles',
      id: args.doc.value,
      draft: true,
      depth: 0,
      select: { legalHold: true, legalHoldReason: true, notForPublication: true, embargoUntil: true },
      overrideAccess: false,
      user: args.req.user,
      req: args.req,
    })
    const problem = scheduleRefusal(article, new Date(args.date))
    if (problem) throw new APIError(problem, 400, null, true)
  }
  return schedulePublishHandler(args)
}

/** Our replacements for Payload's admin server functions, by name (app/(payload)/layout.tsx). */
export const adminServerFunctions = { 'schedule-publish': schedulePublishForEditors }

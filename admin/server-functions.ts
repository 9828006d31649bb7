import { schedulePublishHandler, type SchedulePublishHandlerArgs } from '@payloadcms/ui/utilities/schedulePublishHandler'
import { Forbidden, type ServerFunction } from 'payload'
import { isEditorUser } from '@/access/roles'

/**
 * Payload's `schedule-publish` server action creates and deletes scheduled publish/unpublish jobs
 * with full access, checking only that the caller may enter the admin; job ids are sequential, so
 * any writer could cancel an editor's embargo with `{ deleteID }`. Scheduling is publishing: only
 * editors and admins may create or cancel a schedule (writers cannot publish, so they never schedule).
 */
export const schedulePublishForEditors: ServerFunction<SchedulePublishHandlerArgs> = async (args) => {
  if (!isEditorUser(args.req.user)) throw new Forbidden(args.req.t)
  return schedulePublishHandler(args)
}

/** Our replacements for Payload's admin server functions, by name (app/(payload)/layout.tsx). */
export const adminServerFunctions = { 'schedule-publish': schedulePublishForEditors }

import { APIError, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook } from 'payload'
import { isEditorUser } from '@/access/roles'
import { FIRST_STAGE, isStage, stageMoveRefusal, unknownStage } from '@/lib/content/stages'
import { refusal } from '@/lib/security/refusal'

/**
 * The desk's rules on every save: the stage is one of the list (drafts skip Payload's own validation,
 * so it is checked here), a writer may only move a draft along the writer's moves (a 403 saying what
 * is allowed), a legal hold carries its reason, and each stage change is recorded (who, when, from,
 * to) in `stageHistory`, which no request can write. Saves without a user (the seed, scripts) move freely.
 */
export const deskRules: CollectionBeforeChangeHook = ({ collection, data, operation, originalDoc, req }) => {
  const stored = operation === 'update' ? originalDoc?.stage : undefined
  const from = isStage(stored) ? stored : FIRST_STAGE
  const to = data.stage ?? from
  if (!isStage(to)) throw refusal(collection.slug, [{ path: 'stage', message: unknownStage(to) }], req)

  if (req.user) {
    const problem = stageMoveRefusal({ from, to, role: isEditorUser(req.user) ? 'editor' : 'writer' })
    if (problem) throw new APIError(problem, 403, null, true)
  }

  const held = 'legalHold' in data ? data.legalHold : originalDoc?.legalHold
  const reason = 'legalHoldReason' in data ? data.legalHoldReason : originalDoc?.legalHoldReason
  if (held && !(typeof reason === 'string' && reason.trim())) {
    throw refusal(collection.slug, [{ path: 'legalHoldReason', message: 'A legal hold needs its reason: say why the article is held.' }], req)
  }

  data.stage = to
  const history = Array.isArray(originalDoc?.stageHistory) ? originalDoc.stageHistory : []
  const moved = operation === 'create' ? to !== FIRST_STAGE : to !== from
  data.stageHistory = moved
    ? [...history, { from: operation === 'create' ? null : from, to, by: req.user?.id ?? null, at: new Date().toISOString() }]
    : history
  return data
}

/**
 * An article's notes go with it, first: a note must name its article (on SQLite the foreign key
 * would otherwise refuse the article's delete with a 500), and a thread about nothing is no use.
 */
export const deleteArticleNotes: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'notes', where: { article: { equals: id } }, overrideAccess: true, req })
}

import type { Payload, Where } from 'payload'
import type { Article, ArticlesSelect, User } from '@/payload-types'
import { type Id, idOf } from '@/lib/content/populated'
import { PUBLISHED } from '@/lib/content/published'
import { missingPhotoFields, type MissingPhotoField } from '@/lib/photos/checks'
import { type Stage, STAGES } from '@/lib/content/stages'

/**
 * The editors' dashboard's reads (admin/DeskDashboard.tsx). Each is one bounded, indexed query:
 * articles are read as their latest version (`draft: true`: a stage moved on a draft lives there),
 * with the signed-in user's access, so the dashboard shows nothing its reader could not open.
 */

/** How many items each section lists (the counts cover them all). */
export const DESK_LIMIT = 5

export interface DeskArticle {
  id: Id
  title: string
  stage: Stage | null
  updatedAt: string
  dueAt: string | null
  assignee: string | null
  /** What the section says beside the title: when due, why held, when published. */
  note?: string
}

export interface StageColumn {
  stage: Stage
  label: string
  count: number
  oldest: DeskArticle[]
}

export interface ScheduledPublish {
  jobId: Id
  articleId: Id
  title: string
  type: 'publish' | 'unpublish'
  at: string
  /** Set when the job ran and failed (held, embargoed, photo without credit…): the reason. */
  error?: string
}

export interface PhotoToFix {
  id: Id
  filename: string
  missing: MissingPhotoField[]
}

/** A note that mentions the signed-in person. */
export interface Mention {
  noteId: Id
  articleId: Id
  body: string
  createdAt: string
}

export interface DeskOverview {
  stages: StageColumn[]
  mentions: Mention[]
  mine: { count: number; items: DeskArticle[] }
  overdue: { count: number; items: DeskArticle[] }
  scheduled: ScheduledPublish[]
  failedSchedules: ScheduledPublish[]
  recentlyPublished: DeskArticle[]
  held: { count: number; items: DeskArticle[] }
  photos: PhotoToFix[]
}

const ARTICLE_SELECT = { title: true, stage: true, updatedAt: true, dueAt: true, assignee: true, publishedAt: true } as const
type Row = Pick<Article, 'id' | 'title' | 'stage' | 'updatedAt' | 'dueAt' | 'assignee' | 'publishedAt'>

/** Work in progress: the latest version is a draft (new stories, and edits over a published one). */
const unpublished: Where = { _status: { equals: 'draft' } }

export const heldWhere = (now: Date): Where => ({
  or: [{ legalHold: { equals: true } }, { notForPublication: { equals: true } }, { embargoUntil: { greater_than: now.toISOString() } }],
})

export async function deskOverview(payload: Payload, user: User, now = new Date()): Promise<DeskOverview> {
  const articles = async (where: Where, sort: string | string[], { draft = true, counted = true } = {}) => {
    const result = await payload.find({
      collection: 'articles',
      where,
      sort,
      limit: DESK_LIMIT,
      // Uncounted where the dashboard shows no count: counting every published article is linear in the archive.
      pagination: counted,
      draft,
      depth: 0,
      select: ARTICLE_SELECT,
      overrideAccess: false,
      user,
    })
    return { count: result.totalDocs, rows: result.docs as Row[] }
  }

  const [columns, mine, overdue, held, published, jobs, photos, mentions] = await Promise.all([
    Promise.all(STAGES.map(({ value }) => articles({ and: [unpublished, { stage: { equals: value } }] }, 'updatedAt'))),
    articles({ and: [unpublished, { assignee: { equals: user.id } }] }, 'dueAt'),
    articles({ and: [unpublished, { dueAt: { less_than: now.toISOString() } }] }, 'dueAt'),
    articles({ and: [unpublished, heldWhere(now)] }, '-updatedAt'),
    // The reader listings' order, so that their index serves it (lib/platform/mongo-indexes.ts).
    articles(PUBLISHED, ['-publishedAt', '-id'], { draft: false, counted: false }),
    scheduledJobs(payload),
    photosToFix(payload, user),
    mentionsOf(payload, user),
  ])

  const names = await userNames(payload, [columns, [mine, overdue, held, published]].flat().flatMap(({ rows }) => rows))
  const item = (row: Row, note?: string): DeskArticle => ({
    id: row.id,
    title: row.title,
    stage: (row.stage as Stage | null | undefined) ?? null,
    updatedAt: row.updatedAt,
    dueAt: row.dueAt ?? null,
    assignee: names.get(String(idOf(row.assignee))) ?? null,
    ...(note ? { note } : {}),
  })
  const heldRows = await holdReasons(payload, user, held.rows.map((row) => row.id), now)

  return {
    stages: STAGES.map(({ value, label }, index) => ({
      stage: value,
      label,
      count: columns[index]!.count,
      oldest: columns[index]!.rows.map((row) => item(row)),
    })),
    mentions,
    mine: { count: mine.count, items: mine.rows.map((row) => item(row)) },
    overdue: { count: overdue.count, items: overdue.rows.map((row) => item(row)) },
    held: { count: held.count, items: held.rows.map((row) => item(row, heldRows.get(String(row.id)))) },
    recentlyPublished: published.rows.map((row) => item(row, row.publishedAt ?? undefined)),
    scheduled: await titled(payload, user, jobs.pending),
    failedSchedules: await titled(payload, user, jobs.failed),
    photos,
  }
}

/** Staff names for the assignees shown (names only; writers may not read user accounts). */
async function userNames(payload: Payload, rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => idOf(row.assignee) ?? []))]
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    select: { name: true },
    depth: 0,
    limit: ids.length,
    overrideAccess: true,
  })
  return new Map(docs.map((user) => [String(user.id), user.name]))
}

/** The latest versions of these articles (drafts included) as the signed-in editor may read them. */
async function latestArticles(payload: Payload, user: User, ids: Id[], select: ArticlesSelect) {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { in: ids } },
    draft: true,
    depth: 0,
    limit: ids.length,
    select,
    overrideAccess: false,
    user,
  })
  return docs
}

/** Why each held article is held, in a few words. */
async function holdReasons(payload: Payload, user: User, ids: Id[], now: Date): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const docs = await latestArticles(payload, user, ids, {
    legalHold: true,
    legalHoldReason: true,
    notForPublication: true,
    embargoUntil: true,
  })
  return new Map(
    docs.map((doc) => {
      const reasons = [
        doc.legalHold ? `legal hold${doc.legalHoldReason ? `: ${doc.legalHoldReason}` : ''}` : null,
        doc.notForPublication ? 'not for publication' : null,
        doc.embargoUntil && new Date(doc.embargoUntil) > now ? `embargoed until ${doc.embargoUntil}` : null,
      ]
      return [String(doc.id), reasons.filter(Boolean).join('; ')]
    }),
  )
}

interface ScheduleInput {
  type?: 'publish' | 'unpublish'
  doc?: { relationTo?: string; value?: Id }
}

type PendingJob = Omit<ScheduledPublish, 'title'>

/** Scheduled publications not yet run (soonest first), and the latest that failed. */
async function scheduledJobs(payload: Payload): Promise<{ pending: PendingJob[]; failed: PendingJob[] }> {
  const jobs = (where: Where, sort: string) =>
    payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'schedulePublish' } }, { completedAt: { exists: false } }, where] },
      sort,
      limit: 4 * DESK_LIMIT,
      depth: 0,
      overrideAccess: true,
    })
  const [pending, failed] = await Promise.all([
    jobs({ hasError: { not_equals: true } }, 'waitUntil'),
    jobs({ hasError: { equals: true } }, '-updatedAt'),
  ])
  const forArticles = (docs: typeof pending.docs, withError: boolean): PendingJob[] =>
    docs
      .map((job) => ({ job, input: (job.input ?? {}) as ScheduleInput }))
      .filter(({ input }) => input.doc?.relationTo === 'articles' && input.doc.value !== undefined)
      .slice(0, 2 * DESK_LIMIT)
      .map(({ job, input }) => ({
        jobId: job.id,
        articleId: input.doc!.value!,
        type: input.type === 'unpublish' ? 'unpublish' : 'publish',
        at: job.waitUntil ?? job.createdAt,
        ...(withError ? { error: jobError(job.error) } : {}),
      }))
  return { pending: forArticles(pending.docs, false), failed: forArticles(failed.docs, true) }
}

/** The message a failed job recorded. */
export function jobError(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') return error.message
  return typeof error === 'string' ? error : 'The job failed.'
}

async function titled(payload: Payload, user: User, jobs: PendingJob[]): Promise<ScheduledPublish[]> {
  if (jobs.length === 0) return []
  const ids = [...new Set(jobs.map((job) => job.articleId))]
  const docs = await latestArticles(payload, user, ids, { title: true })
  const titles = new Map(docs.map((doc) => [String(doc.id), doc.title]))
  return jobs.flatMap((job) => {
    const title = titles.get(String(job.articleId))
    return title === undefined ? [] : [{ ...job, title }]
  })
}

/** The latest notes that mention the signed-in person (`mentions` is indexed). */
async function mentionsOf(payload: Payload, user: User): Promise<Mention[]> {
  const { docs } = await payload.find({
    collection: 'notes',
    where: { mentions: { contains: user.id } },
    sort: '-createdAt',
    limit: DESK_LIMIT,
    depth: 0,
    select: { article: true, body: true, createdAt: true },
    overrideAccess: false,
    user,
  })
  return docs.flatMap((note) => {
    const articleId = idOf(note.article)
    return articleId === null ? [] : [{ noteId: note.id, articleId, body: note.body, createdAt: note.createdAt }]
  })
}

/** The latest photos that lack alt text or a credit (publishing an article showing one is refused), from the flag the server keeps. */
async function photosToFix(payload: Payload, user: User): Promise<PhotoToFix[]> {
  const { docs } = await payload.find({
    collection: 'media',
    where: { incomplete: { equals: true } },
    sort: '-createdAt',
    limit: 2 * DESK_LIMIT,
    pagination: false,
    depth: 0,
    select: { filename: true, alt: true, credit: true },
    overrideAccess: false,
    user,
  })
  return docs.map((photo) => ({ id: photo.id, filename: photo.filename ?? String(photo.id), missing: missingPhotoFields(photo) }))
}

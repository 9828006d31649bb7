import type { Payload, UpdateJobsArgs } from 'payload'
import type { Id } from '@/lib/content/populated'

/**
 * Jobs run once, however many processes run the queue. Every server process runs Payload's job
 * queue (jobs.autoRun); a runner claims due jobs with `db.updateJobs({ where: not processing…,
 * data: { processing: true } })`, which both adapters do as "find the ids, then update them": two
 * runners polling at the same moment both find a due job, both set the flag and both run it (three
 * runners published one scheduled article three times, tests/int/jobs-once.test.ts). So a claim
 * goes through here: each candidate is taken with one atomic compare-and-set (set `processing` only
 * where it is still unset), and only the jobs this runner won are returned to it.
 */
interface JobsDb {
  packageName: string
  updateJobs: Payload['db']['updateJobs']
  /** SQLite (libsql) */
  client?: { execute(statement: { sql: string; args: Id[] }): Promise<{ rowsAffected: number }> }
  /** MongoDB (mongoose models by collection) */
  collections?: Record<string, { updateOne(filter: object, update: object, options?: object): Promise<{ modifiedCount: number }> }>
}

const installed = new WeakSet<object>()

export function claimJobsOnce(payload: Payload): void {
  const db = payload.db as unknown as JobsDb
  if (installed.has(db)) return
  installed.add(db)
  const update = db.updateJobs.bind(db)
  db.updateJobs = async (args: UpdateJobsArgs) => {
    if (args.data.processing !== true) return update(args)
    const candidates = args.id !== undefined ? [args.id] : await dueJobIds(payload, args)
    const won: Id[] = []
    for (const id of candidates) if (await claim(db, id)) won.push(id)
    const claimed = []
    // The rest of the claim (updatedAt, the returned documents) as Payload does it, for the jobs won.
    for (const id of won) claimed.push(...((await update({ data: args.data, id, req: args.req, returning: args.returning })) ?? []))
    return args.returning === false ? null : claimed
  }
}

async function dueJobIds(payload: Payload, args: Extract<UpdateJobsArgs, { where: unknown }>): Promise<Id[]> {
  const { docs } = await payload.db.find({
    collection: 'payload-jobs',
    where: args.where,
    sort: args.sort,
    limit: args.limit,
    pagination: false,
    req: args.req,
  })
  return docs.map((doc) => doc.id as Id)
}

/** Sets `processing` on one job unless another runner already has; true when this one did. */
async function claim(db: JobsDb, id: Id): Promise<boolean> {
  if (db.packageName === '@payloadcms/db-mongodb' && db.collections?.['payload-jobs']) {
    const result = await db.collections['payload-jobs'].updateOne({ _id: id, processing: { $ne: true } }, { $set: { processing: true } })
    return result.modifiedCount === 1
  }
  if (db.client) {
    const result = await db.client.execute({
      sql: 'UPDATE payload_jobs SET processing = 1 WHERE id = ? AND (processing = 0 OR processing IS NULL)',
      args: [id],
    })
    return result.rowsAffected === 1
  }
  throw new Error(`Masthead cannot claim jobs atomically on ${db.packageName}`)
}

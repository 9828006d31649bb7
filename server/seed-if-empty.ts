import { spawn } from 'node:child_process'
import type { Payload } from 'payload'
import { SEED_IF_EMPTY_ENV, seedCommand } from './start-plan.ts'

/**
 * Runs the seed (its own process, from its bundle) when the database has no article, and waits for
 * it: called by the server process `npm start` runs (instrumentation.ts), once its Payload has
 * applied the migrations. The server listens at once, but Next holds every request until
 * instrumentation's register() has returned, so nobody is answered before the seed is in. The count
 * goes through Payload: it means the same on SQLite and MongoDB.
 */
export async function seedIfEmpty(payload: Payload, root: string = process.cwd()): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'articles' })
  if (totalDocs > 0) return
  const [command, args] = seedCommand(root, process.execPath)
  const env = { ...process.env }
  delete env[SEED_IF_EMPTY_ENV]
  const code = await new Promise<number | string>((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal ?? 1))
  })
  if (code !== 0) {
    // Thrown, it would only fail each request (Next awaits this before answering): a failed seed
    // ends the server instead, and `npm start` with it, as when the seed ran before the server.
    console.error(`[masthead] seeding the empty database failed (${args.slice(1).join(' ')}: exit ${code}); stopping.`)
    process.exit(typeof code === 'number' ? code : 1)
  }
}

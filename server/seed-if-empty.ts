import { spawn } from 'node:child_process'
import type { Payload } from 'payload'
import { SEED_IF_EMPTY_ENV, seedCommand } from './start-plan.ts'

export interface SeedRunner {
  /** Runs the command to its end: its exit code (or the signal that ended it). */
  run(command: string, args: string[], root: string): Promise<number | string>
  exit(code: number): void
}

/** The seed as its own process, its output shown as the server's; without the variable that asked for it. */
export const defaultSeedRunner: SeedRunner = {
  run: (command, args, root) => {
    const env = { ...process.env }
    delete env[SEED_IF_EMPTY_ENV]
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' })
      child.on('error', reject)
      child.on('exit', (code, signal) => resolve(code ?? signal ?? 1))
    })
  },
  exit: (code) => process.exit(code),
}

/**
 * Runs the seed (its own process, from its bundle) when the database has no article, and waits for
 * it: called by the server process `npm start` runs (instrumentation.ts), once its Payload has
 * applied the migrations. The server listens at once, but Next holds every request until
 * instrumentation's register() has returned, so nobody is answered before the seed is in. The count
 * goes through Payload: it means the same on SQLite and MongoDB.
 */
export async function seedIfEmpty(payload: Payload, root: string = process.cwd(), runner: SeedRunner = defaultSeedRunner): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'articles' })
  if (totalDocs > 0) return
  const [command, args] = seedCommand(root, process.execPath)
  const code = await runner.run(command, args, root)
  if (code !== 0) {
    // Thrown, it would only fail each request (Next awaits this before answering): a failed seed
    // ends the server instead, and `npm start` with it, as when the seed ran before the server.
    console.error(`[masthead] seeding the empty database failed (${args.slice(1).join(' ')}: exit ${code}); stopping.`)
    runner.exit(typeof code === 'number' ? code : 1)
  }
}

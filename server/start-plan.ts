/**
 * What `npm start` does before it serves, decided from what it finds (pure, so the rules are
 * unit-tested without starting anything); server/start.ts carries it out.
 *
 * The seed is no process of its own before the server any more: the server asks for it once its own
 * Payload has applied the migrations (instrumentation.ts), so a second start boots Payload once, not
 * twice (~1.4 s of a 4.6 s start, bench:startup), and a fresh database is still migrated (by that one
 * process: no two processes ever migrate it at once) and seeded before anyone is answered.
 */
import path from 'node:path'

/** Set by `npm start` for the one server process it runs: seed the database if it has no article. */
export const SEED_IF_EMPTY_ENV = 'MASTHEAD_SEED_IF_EMPTY'

export interface StartState {
  /** The build folder holds a finished build (BUILD_ID) … */
  built: boolean
  /** … made from these sources: the stamp written beside it, null when there is none. */
  builtStamp: string | null
  /** The stamp of the sources now (server/build-stamp.ts). */
  stamp: string
  /** seed/seed.ts is there (an image may leave the seed out). */
  seedScript: boolean
}

export interface StartPlan {
  build: boolean
  /** The server process seeds an empty database before it answers anyone. */
  seedIfEmpty: boolean
}

export function startPlan(state: StartState): StartPlan {
  return { build: !state.built || state.builtStamp !== state.stamp, seedIfEmpty: state.seedScript }
}

/** Whether `npm start` asked this server process to seed an empty database. */
export function seedRequested(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[SEED_IF_EMPTY_ENV] === '1'
}

/** The seed as `npm start` runs it: from its bundle (server/run-script.ts), only if still empty. */
export function seedCommand(root: string, nodePath: string): [command: string, args: string[]] {
  return [nodePath, [path.join(root, 'server', 'run-script.ts'), 'seed/seed.ts', '--', '--if-empty']]
}

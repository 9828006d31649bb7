import type { TestProject } from 'vitest/node'
import { startStandin } from './standin'

/**
 * Vitest globalSetup of the `int:mongodb-standin` project: one stand-in server for the run, in the
 * runner's process; each test file still gets its own database on it (tests/int/support/payload.ts).
 */
export default async function setup(project: TestProject) {
  const standin = await startStandin()
  project.provide('mongoStandinUri', standin.uri)
  console.log(
    `\n[MongoDB stand-in] The integration suite runs against CongoDB (@push.rocks/smartmongo) at ${standin.uri}:\n` +
      '  an in-process MongoDB-wire stand-in, NOT a MongoDB server. It proves queries, hooks, ObjectId ids and error\n' +
      '  handling through the real MongoDB adapter, replica-set transactions on, and `count` refused inside them;\n' +
      '  it cannot prove unique-index enforcement, transaction rollback or query plans.\n',
  )
  return () => standin.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongoStandinUri: string
  }
}

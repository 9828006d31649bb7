import { createServer } from 'node:net'
import { CongoServer } from '@push.rocks/smartmongo/dist_ts/congodb/index.js'

/**
 * An in-process MongoDB-wire stand-in for the integration suite, where no MongoDB server can run:
 * CongoDB (from @push.rocks/smartmongo), a TypeScript server that the official driver talks to over
 * TCP, so Payload's MongoDB adapter runs unchanged (queries, hooks, ObjectId ids, error handling).
 *
 * It is NOT MongoDB: it does not enforce unique indexes, a transaction's writes are applied at once
 * (aborting one rolls nothing back), and it has no query planner (`explain`). Tests that depend on
 * those say so with `standin.cannot(...)` (tests/int/support/database.ts).
 *
 * Two rules are added here so that it behaves as the production set-up does, a replica set:
 * - it answers the handshake as the primary of replica set `rs0`, so the driver (and Payload) run
 *   with transactions;
 * - it refuses a `count` command inside a transaction with MongoDB's own error (code 263, since 4.0.2),
 *   the refusal that broke the first sign-up.
 */

export const STANDIN_REPLICA_SET = 'rs0'

type Command = Record<string, unknown>
type Router = { route(parsed: { commandName: string; command: Command }): Promise<Command> }

/** MongoDB's answer to a command it does not run inside a multi-document transaction. */
export function refusalInTransaction(commandName: string, command: Command): Command | null {
  const inTransaction = command.autocommit === false && command.txnNumber !== undefined
  if (!inTransaction || commandName !== 'count') return null
  return {
    ok: 0,
    errmsg: `Cannot run '${commandName}' in a multi-document transaction.`,
    code: 263,
    codeName: 'OperationNotSupportedInTransaction',
  }
}

/** The handshake fields a replica set's primary adds, which the driver checks against `replicaSet=`. */
export function asReplicaSetPrimary(reply: Command, host: string): Command {
  return { ...reply, setName: STANDIN_REPLICA_SET, setVersion: 1, hosts: [host], primary: host, me: host, secondary: false }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

export interface Standin {
  /** Base URI (no database name): replica set, and polling monitoring (the stand-in has no streaming hello). */
  uri: string
  stop(): Promise<void>
}

export async function startStandin(port?: number): Promise<Standin> {
  const listenOn = port ?? (await freePort())
  const server = new CongoServer({ port: listenOn, host: '127.0.0.1' })
  const host = `127.0.0.1:${listenOn}`
  const router = (server as unknown as { commandRouter: Router }).commandRouter
  const route = router.route.bind(router)
  router.route = async (parsed) => {
    const refused = refusalInTransaction(parsed.commandName, parsed.command)
    if (refused) return refused
    const reply = await route(parsed)
    return /^(hello|ismaster)$/i.test(parsed.commandName) ? asReplicaSetPrimary(reply, host) : reply
  }
  await server.start()
  return {
    uri: `mongodb://${host}/masthead?replicaSet=${STANDIN_REPLICA_SET}&serverMonitoringMode=poll`,
    stop: () => server.stop(),
  }
}

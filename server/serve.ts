/**
 * The production server as a deployment's instance runs it: an existing build (no build, no seed,
 * no generated secret: PAYLOAD_SECRET and the database come from the environment), with the Node
 * flags and environment `npm start` gives it (server/server-process.ts). docker-compose.yml's
 * instances and the e2e tests' second process start here; plain `node server/server.ts` would run
 * without the memory settings.
 */
import path from 'node:path'
import { runServer } from './server-process.ts'

runServer(path.resolve(import.meta.dirname, '..'), process.env)

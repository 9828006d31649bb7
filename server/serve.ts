/**
 * The production server as a deployment's instance runs it: an existing build (no build, no seed),
 * with the Node flags, environment and secret `npm start` gives it (server/server-process.ts).
 * docker-compose.yml's instances and the e2e tests' second process start here, and so does a second
 * local instance beside `npm start` (`PORT=3001 node server/serve.ts`); plain `node server/server.ts`
 * would run without the memory settings.
 */
import path from 'node:path'
import { runServer, useProductionEnvironment } from './server-process.ts'

const root = path.resolve(import.meta.dirname, '..')
useProductionEnvironment(root)
runServer(root, process.env)

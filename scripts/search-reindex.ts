/**
 * `npm run search:reindex`: rebuilds the search index from the published articles (after a bulk
 * load that wrote around the hooks, or to move to another engine). The hooks keep it in step
 * otherwise; the result is the same index (tests/int/search.test.ts checks it).
 */
import { getPayload } from 'payload'
import config from '../payload.config'
import { databaseName } from '../payload.config'
import { searchEngine } from '../lib/search'
import { reindexAll } from '../lib/search/sync'

const payload = await getPayload({ config })
const started = performance.now()
const count = await reindexAll(payload, (line) => payload.logger.info(line))
payload.logger.info(
  `Search index rebuilt (${searchEngine(payload).name}, ${databaseName}): ${count} published articles in ${Math.round(performance.now() - started)} ms.`,
)
process.exit(0)

/**
 * `npx payload run scripts/record-photo-visibility.ts`: records, for a MongoDB database made before
 * photos were tracked, which photos readers may see (SQLite does it in its migration). Idempotent.
 */
import { createLocalReq, getPayload } from 'payload'
import config from '../payload.config'
import { recordAllPhotoVisibility } from '../hooks/photo-visibility'

const payload = await getPayload({ config })
await recordAllPhotoVisibility(payload, await createLocalReq({}, payload))
payload.logger.info('Photo visibility recorded.')
process.exit(0)

import config from '@payload-config'
import { getPayload, type Payload } from 'payload'
import { ensureInvalidationPoller } from '@/lib/invalidation/poller'

/**
 * The one Payload instance of this server process (getPayload caches it). The reader site asks
 * for it before it caches anything, so this is where the process starts applying the changes other
 * processes make (lib/invalidation/poller.ts). Tests start their pollers themselves, as Payload's
 * job runner is off there too.
 */
export const payloadClient = async (): Promise<Payload> => {
  const payload = await getPayload({ config })
  if (process.env.NODE_ENV !== 'test') {
    await ensureInvalidationPoller(payload).catch((error: unknown) =>
      payload.logger.error({ msg: 'cannot read the invalidation log; will retry on the next page', err: error }),
    )
  }
  return payload
}

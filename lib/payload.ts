import config from '@payload-config'
import { getPayload } from 'payload'

/** The one Payload instance of this server process (getPayload caches it). */
export const payloadClient = () => getPayload({ config })

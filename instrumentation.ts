/**
 * Starts Payload with the server rather than on the first request: migrations are applied at boot,
 * and the job queue (scheduled publishing) runs even before anyone visits.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  await getPayload({ config })
}

/**
 * Starts Payload with the server rather than on the first request: migrations are applied at boot,
 * and the job queue (scheduled publishing) runs even before anyone visits. Under `npm start`, an
 * empty database then gets the seed piece before the server answers anyone (server/start-plan.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return
  const [{ getPayload }, { default: config }, { seedRequested }] = await Promise.all([
    import('payload'),
    import('@payload-config'),
    import('@/server/start-plan'),
  ])
  const payload = await getPayload({ config })
  if (seedRequested(process.env)) await (await import('@/server/seed-if-empty')).seedIfEmpty(payload)
  // Next holds requests until now: this, not "ready on", is when the first page can be answered.
  console.log(`[masthead] Payload ready after ${process.uptime().toFixed(1)} s: the database is up to date`)
}

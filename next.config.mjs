import { withPayload } from '@payloadcms/next/withPayload'
import { EVERYWHERE, HSTS, READER_CSP, READER_PATHS } from './server/security-headers.ts'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder per purpose (the e2e server builds into .next-e2e), so they never collide.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  images: { unoptimized: true },
  // Next's data cache (`unstable_cache`) stays in memory, per process: on disk it would be shared by
  // every process on this build folder while each expires tags only in its own memory, so one process
  // could read another's stale copy. The invalidation log (lib/invalidation/poller.ts) keeps each
  // process's memory true.
  experimental: { isrFlushToDisk: false },
  // `npm run typecheck` checks the whole project (tests included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: '/:path*', headers: EVERYWHERE },
      // The reader site: everything but the admin and the API.
      { source: READER_PATHS, headers: [{ key: 'Content-Security-Policy', value: READER_CSP }] },
      {
        source: '/admin/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [HSTS] },
    ]
  },
}

const config = withPayload(nextConfig, { devBundleServerPackages: false })

// Payload asks every response for the color-scheme client hint (Accept-CH, Critical-CH, Vary) for its
// admin theme. On reader pages that costs a Chrome re-request and splits CDN caches: keep it to the admin.
const withAllHeaders = config.headers
config.headers = async () =>
  (await withAllHeaders()).map((rule) =>
    rule.headers.some((header) => header.key === 'Critical-CH') ? { ...rule, source: '/admin/:path*' } : rule,
  )

export default config

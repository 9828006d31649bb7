import { withPayload } from '@payloadcms/next/withPayload'

// Reader pages are plain HTML with no scripts at all (JSON-LD is data, which CSP does not govern), and
// their one stylesheet is inlined. Everything else is locked to this origin.
const readerCsp = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

// Uploaded files are shown, never run: no scripts, no plugins, no framing, even if one slipped through.
const uploadCsp = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'"

const everywhere = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
]

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder per purpose (the e2e server builds into .next-e2e), so they never collide.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  images: { unoptimized: true },
  // `npm run typecheck` checks the whole project (tests included) once; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      { source: '/:path*', headers: everywhere },
      // The reader site: everything but the admin and the API.
      { source: '/((?!admin|api/).*)', headers: [{ key: 'Content-Security-Policy', value: readerCsp }] },
      {
        source: '/admin/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      { source: '/api/media/file/:path*', headers: [{ key: 'Content-Security-Policy', value: uploadCsp }] },
      {
        // Only over HTTPS (as reported by the proxy that terminates it): HSTS over plain HTTP is ignored at best.
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }],
      },
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

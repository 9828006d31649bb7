import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_FLAGS } from './tests/chromium'
import { freshDatabaseName, isMongoUri, withDatabaseName } from './lib/platform/mongo-uri'

// Same values as tests/e2e/support/server.ts (a config cannot share modules with the tests it loads).
const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
const E2E_URL = `http://localhost:${E2E_PORT}`
const E2E_VARNISH_PORT = Number(process.env.E2E_VARNISH_PORT ?? E2E_PORT + 2)

// On MongoDB, a database of this run's own on the server DATABASE_URI names (a second run would find
// the first one's users), dropped by the teardown. Set once here: workers load this file again.
if (isMongoUri(process.env.DATABASE_URI) && !process.env.MASTHEAD_E2E_DATABASE_URI) {
  process.env.MASTHEAD_E2E_DATABASE_URI = withDatabaseName(process.env.DATABASE_URI, freshDatabaseName('masthead_e2e'))
}

/**
 * The server's environment. Test workers inherit the runner's, so tests/e2e/shared-cache.spec.ts
 * reads it from E2E_SERVER_ENV to start a second server process on the same database and build.
 */
const serverEnv = {
  PORT: String(E2E_PORT),
  SITE_URL: E2E_URL,
  DATABASE_URI: process.env.MASTHEAD_E2E_DATABASE_URI ?? 'file:./data/e2e/masthead.db',
  MEDIA_DIR: 'data/e2e/media',
  NEXT_DIST_DIR: '.next-e2e',
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'end-to-end-tests-secret-0123456789abcdef',
  // Every change purges the Varnish below, as in production.
  PURGE_URLS: `http://127.0.0.1:${E2E_VARNISH_PORT}/`,
}
process.env.E2E_SERVER_ENV = JSON.stringify(serverEnv)

// Debian's Chromium when present (nothing can be downloaded here); Playwright's own browser elsewhere.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file))

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  globalTeardown: './tests/e2e/support/drop-database.ts',
  use: {
    baseURL: E2E_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: systemChromium,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    // A fresh server has no users: this project registers the first one and saves its session.
    { name: 'first-user', testMatch: /first-user\.setup\.ts/ },
    { name: 'e2e', testMatch: /.*\.spec\.ts/, dependencies: ['first-user'] },
  ],
  webServer: [
    {
      // The real production server, as `npm start` runs it, on a database of its own made anew each run.
      // Its build holds no content or setting, so it is redone only when the sources changed.
      command: 'rm -rf data/e2e && node server/start.ts',
      url: `${E2E_URL}/api/articles?limit=1`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: serverEnv,
    },
    {
      // Varnish with deploy/varnish/masthead.vcl in front of that server and of the second one that
      // tests/e2e/shared-cache.spec.ts starts on the next port (left out by Varnish until it answers).
      command: `node server/varnish.ts --listen 127.0.0.1:${E2E_VARNISH_PORT} --backend 127.0.0.1:${E2E_PORT} --backend 127.0.0.1:${E2E_PORT + 1}`,
      url: `http://127.0.0.1:${E2E_VARNISH_PORT}/robots.txt`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
})

import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))
const alias = { '@payload-config': `${root}payload.config.ts`, '@': root }

const onMongoDB = /^mongodb(\+srv)?:/.test(process.env.DATABASE_URI?.trim() ?? '')

const integration = {
  include: ['tests/int/**/*.test.ts'],
  exclude: ['**/node_modules/**'],
  environment: 'node' as const,
  // Each file boots Payload on its own throwaway database; two cores fit two at a time.
  maxWorkers: 2,
  testTimeout: 60_000,
  hookTimeout: 120_000,
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'int',
          ...integration,
          // tests/int/mongodb/ checks what only MongoDB has (indexes, driver options, sessions).
          exclude: onMongoDB ? integration.exclude : [...integration.exclude, 'tests/int/mongodb/**'],
        },
      },
      {
        // The same integration suite on the MongoDB adapter, against an in-process MongoDB-wire
        // stand-in (not a MongoDB server: see tests/mongo-standin/standin.ts and the README).
        resolve: { alias },
        test: { name: 'int:mongodb-standin', ...integration, globalSetup: ['tests/mongo-standin/global-setup.ts'] },
      },
    ],
  },
})

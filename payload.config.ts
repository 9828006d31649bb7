import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type DatabaseAdapterObj, type Payload } from 'payload'
import sharp from 'sharp'
import { Articles } from './collections/Articles'
import { Authors } from './collections/Authors'
import { Media } from './collections/Media'
import { Redirects } from './collections/Redirects'
import { Users } from './collections/Users'
import { databaseUnavailable } from './hooks/databaseUnavailable'
import { MAX_UPLOAD_BYTES } from './hooks/rejectNonImageUploads'
import { chooseDatabase } from './lib/database'
import { depthLimit } from './lib/graphql-depth'
import { resolvePayloadSecret } from './lib/secret'
import { migrations } from './migrations'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const dataDir = path.resolve(dirname, 'data')
const production = process.env.NODE_ENV === 'production'

// Development pushes schema changes straight into its database, production applies committed
// migrations: the two must not share a file, or `migrate` would find pushed tables it cannot trust.
const database = chooseDatabase(
  process.env.DATABASE_URI,
  path.join(dataDir, production ? 'masthead.db' : 'masthead-dev.db'),
)

/**
 * Indexes Payload does not make on SQLite: the tags table is only indexed (order, parent), so reading
 * one article's tags scanned every row (15–20 s per listing at 10,000 articles, measured by
 * bench:scale); and listings filter on status and sort by date. A tag page finds its articles by
 * value: (text, path, parent) answers that from the index alone, where Payload's own (text) index
 * read every matching row of the table too (750 rows for one tag at 10,000 articles). The sitemap
 * index dates each part by the latest update among its articles: (status, updated_at, created_at)
 * answers that without reading the part's rows (Payload adds created_at to every sort). Sorting a
 * tag's articles reads (status, published_at, created_at) for each match, and created_at is stored
 * after the body: (id, status, published_at, created_at) answers it without the rows' overflow pages.
 */
const addListingIndexes: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const name of ['articles_texts', '_articles_v_texts']) {
    const table = schema.tables[name]
    if (table) extendTable({ table, extraConfig: (t) => ({ parentOrder: index(`${name}_parent_order_idx`).on(t.parent, t.order) }) })
  }
  const texts = schema.tables.articles_texts
  if (texts) {
    extendTable({
      table: texts,
      extraConfig: (t) => ({ textPathParent: index('articles_texts_text_path_parent_idx').on(t.text, t.path, t.parent) }),
    })
  }
  const articles = schema.tables.articles
  if (articles) {
    extendTable({
      table: articles,
      extraConfig: (t) => ({
        statusDate: index('articles_status_published_at_idx').on(t._status, t.publishedAt),
        statusUpdated: index('articles_status_updated_at_idx').on(t._status, t.updatedAt, t.createdAt),
        idListing: index('articles_id_listing_idx').on(t.id, t._status, t.publishedAt, t.createdAt),
      }),
    })
  }
  return schema
}

/**
 * SQLite picks indexes from statistics that only ANALYZE writes; without them it ignores covering
 * indexes and can pick the wrong one (measured at 10,000 articles: listings 1.5–2× slower). Gathered
 * at start, bounded per index so a large database stays quick, and refreshed hourly by
 * `PRAGMA optimize`, which re-analyses only the tables that changed a lot.
 */
async function keepSqliteStatistics(payload: Payload): Promise<void> {
  const { client } = payload.db as unknown as SQLiteAdapter
  await client.execute('PRAGMA analysis_limit = 10000')
  await client.execute('ANALYZE')
  setInterval(() => void client.execute('PRAGMA optimize').catch(() => {}), 60 * 60 * 1000).unref()
}

function databaseAdapter(): DatabaseAdapterObj {
  if (database.kind === 'mongodb') {
    return mongooseAdapter({
      url: database.url,
      transactionOptions: database.replicaSet ? {} : false,
    })
  }
  mkdirSync(path.dirname(path.resolve(database.file)), { recursive: true })
  return sqliteAdapter({
    client: { url: database.url },
    // WAL lets readers render pages while an editor saves; the timeout rides out short write locks.
    wal: true,
    busyTimeout: 5_000,
    prodMigrations: migrations,
    afterSchemaInit: [addListingIndexes],
  })
}

export default buildConfig({
  serverURL: process.env.SERVER_URL ?? '',
  secret: resolvePayloadSecret({ env: process.env.PAYLOAD_SECRET, production, dataDir }),
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Masthead' },
  },
  collections: [Articles, Authors, Media, Users, Redirects],
  editor: lexicalEditor(),
  db: databaseAdapter(),
  onInit: database.kind === 'sqlite' ? keepSqliteStatistics : undefined,
  sharp,
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    abortOnLimit: true,
    responseOnLimit: 'The file is larger than 25 MB, the most Masthead accepts for a photo.',
  },
  hooks: {
    afterError: [databaseUnavailable],
  },
  jobs: {
    // Scheduled publishing: the queue runs inside the server that `npm start` starts.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.NEXT_PHASE !== 'phase-production-build' && process.env.NODE_ENV !== 'test',
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    // Bounded work per request: Payload's complexity limit, plus a depth limit checked before anything runs.
    maxComplexity: 1000,
    validationRules: () => [depthLimit(12)],
  },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  telemetry: false,
})

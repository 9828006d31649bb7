import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sqliteAdapter, type SQLiteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { buildConfig, type DatabaseAdapterObj, type Payload } from 'payload'
import sharp from 'sharp'
import { Articles } from './collections/Articles'
import { Authors } from './collections/Authors'
import { Invalidations } from './collections/Invalidations'
import { Media } from './collections/Media'
import { Notes } from './collections/Notes'
import { Redirects } from './collections/Redirects'
import { Users } from './collections/Users'
import { SiteSettings } from './globals/SiteSettings'
import { databaseUnavailable } from './hooks/database-unavailable'
import { MAX_UPLOAD_BYTES } from './collections/Media/hooks/refuse-non-images'
import { apiGuards } from './lib/security/api-guards'
import { dataDir as resolveDataDir } from './server/data-dir'
import { chooseDatabase, defaultSqliteFile, describeDatabase, pushesSchema } from './server/database'
import { claimJobsOnce } from './lib/platform/job-claims'
import { createQueryIndexes } from './lib/platform/mongo-indexes'
import { reusePreparedStatements } from './lib/platform/sqlite-statements'
import { resolvePayloadSecret } from './server/secret'
import { siteUrl } from './lib/content/site'
import { searchEngine } from './lib/search'
import { reindexIfEmpty } from './lib/search/sync'
import { migrations } from './migrations'
import { migrations as mongoMigrations } from './migrations-mongodb'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const dataDir = resolveDataDir(dirname)
const ANNOUNCED = Symbol.for('masthead.database-announced')
const nodeEnv = process.env.NODE_ENV
const production = nodeEnv === 'production'

// One file for every command; the development server, which pushes schema, keeps its own (server/database.ts).
const database = chooseDatabase(process.env.DATABASE_URI, defaultSqliteFile(dataDir, nodeEnv))
announceDatabase()
/** The database this process uses, for commands that report where they wrote. */
export const databaseName = describeDatabase(database, dirname)

/** Says once per process which database it works on (tests and the build excepted: they write none of it). */
function announceDatabase(): void {
  const holder = globalThis as { [ANNOUNCED]?: boolean }
  if (holder[ANNOUNCED] || nodeEnv === 'test' || process.env.NEXT_PHASE === 'phase-production-build') return
  holder[ANNOUNCED] = true
  const own = nodeEnv === 'development' && !process.env.DATABASE_URI?.trim()
  console.log(
    `[masthead] database: ${describeDatabase(database, dirname)}` +
      (own ? ' (the development server\'s own file; npm start, npm run seed and scripts use data/masthead.db)' : ''),
  )
}

/**
 * Indexes Payload does not make on SQLite: the tags table is only indexed (order, parent), so reading
 * one article's tags scanned every row (15–20 s per listing at 10,000 articles, measured by
 * bench:scale); and listings filter on status and sort by date. A tag page finds its articles by
 * value: (text, path, parent) answers that from the index alone, where Payload's own (text) index
 * read every matching row of the table too (750 rows for one tag at 10,000 articles). The sitemap
 * index dates each part by the latest update among its articles, and a part lists its articles' slugs
 * and dates: (status, id, updated_at, published_at, slug) answers both from the part's id range in the
 * index, without the rows, whose dates are stored after the body (a 5,000-article part: 29 → 17 ms
 * in SQLite at 100,000), where (status, updated_at, created_at) serves the newest update overall. A section
 * page counts and lists its published articles from (section, status, published_at) alone: with
 * Payload's (section) index the count read every row of the section (44 ms for 11,000). Sorting a
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
        sitemapMonth: index('articles_sitemap_month_idx').on(t._status, t.publishedMonth, t.updatedAt),
        sectionListing: index('articles_section_listing_idx').on(t.section, t._status, t.publishedAt),
      }),
    })
  }
  // The editors' dashboard (lib/content/desk.ts) reads latest versions by stage, by assignee, by
  // due time and (what is held) by last update, work in progress only: each an equality prefix, then
  // the sort, so no read scans every article's latest version (the single `latest` index did: linear
  // in the archive; the held list walked every latest version by date, 200 ms at 100,000).
  const versions = schema.tables._articles_v
  if (versions) {
    extendTable({
      table: versions,
      extraConfig: (t) => ({
        deskStage: index('_articles_v_desk_stage_idx').on(t.version_stage, t.latest, t.version__status, t.version_updatedAt),
        deskAssignee: index('_articles_v_desk_assignee_idx').on(t.version_assignee, t.latest, t.version__status, t.version_dueAt),
        deskDue: index('_articles_v_desk_due_idx').on(t.latest, t.version__status, t.version_dueAt),
        deskUpdated: index('_articles_v_desk_updated_idx').on(t.latest, t.version__status, t.version_updatedAt, t.createdAt),
        // The admin's articles list (latest versions, drafts included) by its date columns, newest
        // first: without, each page sorted every latest version with its tags, authors and history
        // (3 s at 100,000 articles, bench:scale).
        listPublished: index('_articles_v_list_published_idx').on(t.latest, t.version_publishedAt, t.createdAt),
        listCreated: index('_articles_v_list_created_idx').on(t.latest, t.version_createdAt, t.createdAt),
        listUpdated: index('_articles_v_list_updated_idx').on(t.latest, t.version_updatedAt, t.createdAt),
      }),
    })
  }
  // The desk's photos to fix, newest first (a walk of every photo when none needed fixing).
  const media = schema.tables.media
  if (media) extendTable({ table: media, extraConfig: (t) => ({ deskIncomplete: index('media_desk_incomplete_idx').on(t.incomplete, t.createdAt) }) })
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

/**
 * Under `npm start` (production) the adapter applies the committed migrations itself; a `payload run`
 * script on the shared file (NODE_ENV unset) applies them here, so it never meets an older schema.
 */
async function prepareSqlite(payload: Payload): Promise<void> {
  if (!production && !pushesSchema(nodeEnv) && process.env.PAYLOAD_MIGRATING !== 'true') {
    // The adapter runs these with its own arguments; its type only knows them as `unknown`.
    await payload.db.migrate({ migrations: migrations as unknown as NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations'] })
  }
  await keepSqliteStatistics(payload)
}

async function databaseAdapter(): Promise<DatabaseAdapterObj> {
  if (database.kind === 'mongodb') {
    // Loaded only when used: mongoose and its driver take ~0.3 s of every start to load (bench:startup).
    const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
    return mongooseAdapter({
      url: database.url,
      transactionOptions: database.replicaSet ? {} : false,
      // An unreachable server fails a request in seconds (then 503), not after the driver's 30 s.
      connectOptions: { serverSelectionTimeoutMS: 5_000, connectTimeoutMS: 5_000 },
      // Start only once every index is built: a unique index that cannot be (duplicates) fails the boot.
      ensureIndexes: true,
      afterOpenConnection: createQueryIndexes,
      // Its own folder: `npm run migrate` must never run migrations/ (SQLite's) against MongoDB.
      migrationDir: path.resolve(dirname, 'migrations-mongodb'),
      prodMigrations: mongoMigrations,
    })
  }
  mkdirSync(path.dirname(path.resolve(database.file)), { recursive: true })
  reusePreparedStatements()
  return sqliteAdapter({
    client: { url: database.url },
    // WAL lets readers render pages while an editor saves; the timeout rides out short write locks.
    wal: true,
    busyTimeout: 5_000,
    push: pushesSchema(nodeEnv),
    migrationDir: path.resolve(dirname, 'migrations'),
    prodMigrations: migrations,
    afterSchemaInit: [addListingIndexes],
  })
}

export default buildConfig({
  serverURL: process.env.SERVER_URL ?? '',
  // Cookie-authenticated requests count only from the site's own origin (see lib/security/csrf.ts for the writes).
  csrf: [new URL(siteUrl()).origin],
  secret: resolvePayloadSecret({ env: process.env.PAYLOAD_SECRET, production, dataDir }),
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Masthead' },
    // Initials, never Gravatar: the admin loads nothing from outside (offline or privacy-bound newsrooms).
    avatar: 'default',
    // The editors' desk above the collection cards (admin/DeskDashboard.tsx).
    components: { beforeDashboard: ['@/admin/DeskDashboard#DeskDashboard'] },
  },
  collections: [Articles, Authors, Media, Users, Notes, Redirects, Invalidations],
  globals: [SiteSettings],
  editor: lexicalEditor(),
  db: await databaseAdapter(),
  onInit: async (payload) => {
    claimJobsOnce(payload)
    if (database.kind === 'sqlite') await prepareSqlite(payload)
    // The search index's table (SQLite FTS5) or collection and text index (MongoDB), when missing;
    // built in the background when it is empty and articles are published.
    await searchEngine(payload).prepare()
    // (Not under test: each test database starts empty, and a test clears the index itself.)
    if (nodeEnv !== 'test') {
      void reindexIfEmpty(payload).catch((error: unknown) => payload.logger.error({ msg: 'building the search index failed', err: error }))
    }
  },
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
    // Scheduled publishing: the queue runs inside every server process; lib/platform/job-claims.ts makes
    // sure each due job is run by one of them only.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }],
    shouldAutoRun: () => process.env.NEXT_PHASE !== 'phase-production-build' && process.env.NODE_ENV !== 'test',
  },
  graphQL: {
    disablePlaygroundInProduction: true,
    // Bounded work per request: size, fragments and depth are measured before any rule runs
    // (lib/security/graphql-guard.ts, in the route), then Payload's complexity limit counts what remains.
    maxComplexity: 1000,
  },
  plugins: [apiGuards()],
  // Generated by `npm run generate` from SQLite only (scripts/check-generated.ts pins it): generating at
  // boot would rewrite the committed file from whichever adapter runs, with string ids on MongoDB.
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
  telemetry: false,
})

/**
 * `npx payload run seed/seed.ts -- [--if-empty] [files or folders…]` (`npm run seed`):
 * loads news pieces (plain text, see parse.ts) into the database, idempotently. Without files it
 * loads every `seed/content/*.txt`; `.json` files are read as IPTC ninjs (seed/ninjs.ts). The work is done by `seedFiles` (importer/); this is the shell.
 *
 *   --if-empty   do nothing when the database already has an article (`npm start` seeds a fresh one)
 *
 * Options must come after a `--` that reaches `payload run` (hence `npm run seed -- --if-empty`):
 * it reads options itself and would swallow them (and the file after them).
 * Exit code: 0 when every file loaded, 1 when one failed, 2 for a usage error.
 * With SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD both set, it also makes sure that admin account
 * exists; otherwise it creates no login accounts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { getPayload, type Payload } from 'payload'
import { CONTENT_DIR, DEFAULT_BATCH_SIZE, describeError, seedFiles, summarize } from './importer'
import { isNinjsFile } from './ninjs'

const USAGE = [
  'Usage: npx payload run seed/seed.ts -- [--if-empty] [file.txt | file.ninjs.json | folder …]',
  '       npm run seed -- [--if-empty] [file.txt | file.ninjs.json | folder …]',
].join('\n')

interface Args {
  ifEmpty: boolean
  paths: string[]
}

function readArgs(argv: readonly string[]): Args | string {
  try {
    const { values, positionals } = parseArgs({
      // A `--` is the one that carried the options past `payload run`, not an end of options.
      args: argv.filter((arg) => arg !== '--'),
      options: { 'if-empty': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
      allowPositionals: true,
    })
    return values.help ? USAGE : { ifEmpty: values['if-empty'], paths: positionals }
  } catch (error) {
    // "Unknown option '--x'. To specify a positional argument…": its first sentence is the news.
    return `${(error as Error).message.split('. ')[0]!.replaceAll("'", '')}.\n${USAGE}`
  }
}

/**
 * Options given before the `--` never reach this script (`payload run` parses them away), so
 * `npm run seed --if-empty` would silently load everything. Where the process's real command line
 * can be read (Linux), such a swallowed option is reported instead.
 */
function swallowedOptions(scriptArgs: readonly string[]): string[] {
  // npm keeps an option given before its own `--` as a setting: `npm run seed --if-empty` sets npm_config_if_empty.
  if (process.env.npm_config_if_empty !== undefined && !scriptArgs.includes('--if-empty')) return ['--if-empty']
  if (!existsSync('/proc/self/cmdline')) return []
  const argv = readFileSync('/proc/self/cmdline', 'utf8').split('\0').filter(Boolean)
  const script = argv.findIndex((arg) => /(^|[/\\])seed[/\\]seed\.ts$/.test(arg))
  if (script === -1) return []
  const end = argv.indexOf('--', script)
  const given = argv.slice(script + 1, end === -1 ? undefined : end)
  return given.filter((arg) => arg.startsWith('-') && !scriptArgs.includes(arg))
}

/** Files as given; a folder stands for its `*.txt` and ninjs `*.json` files. */
function expandPaths(paths: readonly string[]): string[] {
  const txtIn = (dir: string) =>
    readdirSync(dir)
      .filter((name) => name.toLowerCase().endsWith('.txt') || isNinjsFile(name))
      .sort()
      .map((name) => path.join(dir, name))
  if (paths.length === 0) return existsSync(CONTENT_DIR) ? txtIn(path.relative(process.cwd(), CONTENT_DIR) || '.') : []
  return paths.flatMap((given) => (existsSync(given) && statSync(given).isDirectory() ? txtIn(given) : [given]))
}

async function ensureAdminUser(payload: Payload): Promise<void> {
  const email = process.env.SEED_ADMIN_EMAIL?.trim()
  const password = process.env.SEED_ADMIN_PASSWORD
  if (!email || !password) {
    if (email || password) console.log('admin account: skipped (set both SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD)')
    return
  }
  const { docs } = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
  const user = docs[0]
  if (!user) {
    await payload.create({ collection: 'users', data: { email, password, name: 'Administrator', roles: ['admin'] } })
    console.log(`admin account ${email}: created`)
  } else if (!user.roles.includes('admin')) {
    await payload.update({ collection: 'users', id: user.id, data: { roles: [...user.roles, 'admin'] } })
    console.log(`admin account ${email}: given the admin role (password left as it was)`)
  } else {
    console.log(`admin account ${email}: unchanged (password left as it was)`)
  }
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2))
  if (typeof args === 'string') {
    console.error(args)
    return args === USAGE ? 0 : 2
  }
  const swallowed = swallowedOptions(process.argv.slice(2))
  if (swallowed.length > 0) {
    console.error(`${swallowed.join(' ')} did not reach the seed: put options after "--".\n${USAGE}`)
    return 2
  }

  // Loaded only now, so that a usage error is reported without starting anything.
  const { default: config, databaseName } = await import('@payload-config')
  const payload = await getPayload({ config })
  // Since the process started: loading the TypeScript sources and the config is most of it.
  const startup = process.uptime()
  const booted = performance.now()
  try {
    if (args.ifEmpty) {
      const { totalDocs } = await payload.count({ collection: 'articles' })
      if (totalDocs > 0) {
        console.log(`${databaseName} already has ${totalDocs} article${totalDocs === 1 ? '' : 's'}: nothing to seed (--if-empty).`)
        return 0
      }
    }
    // Every Local API call of the seed runs with overrideAccess (the default): see importer/index.ts.
    await ensureAdminUser(payload)
    const files = expandPaths(args.paths)
    if (files.length === 0) {
      console.log(`No .txt or ninjs .json files to load${args.paths.length === 0 ? ` in ${CONTENT_DIR}` : ''}.`)
      return 0
    }
    // The bulk path: batches of pieces, one transaction and one invalidation each, every piece still all or nothing.
    const results = await seedFiles(payload, files, { batchSize: DEFAULT_BATCH_SIZE })
    const failed = results.filter((result) => result.status === 'failed').length
    console.log(
      `${summarize(results, performance.now() - booted)} into ${databaseName} (after ${startup.toFixed(2)} s starting Payload)`,
    )
    return failed > 0 ? 1 : 0
  } catch (error) {
    console.error(`Seed failed: ${describeError(error)}`)
    return 1
  } finally {
    await payload.destroy()
  }
}

// `payload run` ends the process with code 0 once this module is loaded, whatever process.exitCode
// says: exit here, with the real code.
process.exit(await main())

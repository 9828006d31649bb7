/**
 * `node server/run-script.ts <script.ts> [args…]`: runs a script written for `payload run`
 * (seed/seed.ts, bench/scale-generate.ts) from one prebuilt bundle, in about a second instead of ~9.
 *
 * `payload run` loads every file through tsx's loader hooks, and Node then reads the package.json
 * of each module's package for every one of a few thousand modules (drizzle-orm's is 177 KB): most of
 * its start-up is module loading, not Payload. The bundle holds our TypeScript and the pure-JS
 * packages (an entry file, and chunks it loads only when needed), built with esbuild (the compiler
 * tsx itself uses) into node_modules/.cache/masthead/ the first time and again only when one of its
 * inputs changed (their sizes and modification times are kept beside it). Native and worker-thread
 * packages stay outside (EXTERNAL), loaded from node_modules as usual.
 *
 * As `payload run` does, it loads the .env files first and turns Payload's HMR off.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Plugin } from 'esbuild'
import { enableCompileCache } from './compile-cache.ts'

const root = path.resolve(import.meta.dirname, '..')
/** The bundle's entry file, beside its chunks (`entryPoints: { main }`). */
const ENTRY = 'main.mjs'
const cacheDir = path.join(root, 'node_modules', '.cache', 'masthead')

/** Packages loaded from node_modules: native code, worker threads started by file name, optional drivers, or never needed by a script. */
const EXTERNAL =
  /^(sharp|@img|@libsql|libsql|drizzle-kit|esbuild|prettier|mongodb|mongoose|next|react|react-dom|pino|pino-pretty|thread-stream|ws|undici|file-type|json-schema-to-typescript)(\/|$)/

type Inputs = Record<string, [mtimeMs: number, size: number]>

const stamp = (file: string): [number, number] => {
  const stat = statSync(file)
  return [stat.mtimeMs, stat.size]
}

function upToDate(manifest: string): boolean {
  if (!existsSync(manifest)) return false
  const inputs = JSON.parse(readFileSync(manifest, 'utf8')) as Inputs
  return Object.entries(inputs).every(([file, [mtime, size]]) => {
    if (!existsSync(file)) return false
    const [nowMtime, nowSize] = stamp(file)
    return nowMtime === mtime && nowSize === size
  })
}

/**
 * Node's own resolver needs the file of a deep import into a package without an "exports" map
 * (`next/cache` is `next/cache.js`), which tsx and bundlers find by themselves.
 */
function externalPath(specifier: string): string {
  const parts = specifier.split('/')
  const nameParts = specifier.startsWith('@') ? 2 : 1
  if (parts.length <= nameParts || path.extname(specifier) !== '') return specifier
  const manifest = path.join(root, 'node_modules', ...parts.slice(0, nameParts), 'package.json')
  const hasExports = existsSync(manifest) && 'exports' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)
  return hasExports ? specifier : `${specifier}.js`
}

/**
 * Our sources keep their own `import.meta.url` (config paths, seed/content), not the bundle's.
 * Bare imports stay imports where EXTERNAL says so; `@/` and `@payload-config` follow tsconfig.json.
 */
const sourcePaths: Plugin = {
  name: 'masthead-source-paths',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (EXTERNAL.test(args.path) ? { path: externalPath(args.path), external: true } : undefined))
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined
      const source = await readFile(args.path, 'utf8')
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
      return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' }
    })
  },
}

async function bundle(entry: string, outdir: string, manifest: string): Promise<void> {
  const started = performance.now()
  const { build } = await import('esbuild')
  const staging = `${outdir}.${process.pid}.tmp`
  rmSync(staging, { recursive: true, force: true })
  const result = await build({
    entryPoints: { main: entry },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    // What the code imports only when it needs it (payload.config.ts's MongoDB adapter, which loads
    // mongoose) goes into chunks of its own, loaded then: a single file would load it at start.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    tsconfig: path.join(root, 'tsconfig.json'),
    metafile: true,
    logLevel: 'warning',
    plugins: [sourcePaths],
    // CommonJS packages inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __masthead_require } from 'node:module'; const require = __masthead_require(import.meta.url);" },
  })
  const inputs: Inputs = {}
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(root, input.replace(/^[a-z-]+:/, ''))
    if (existsSync(file)) inputs[file] = stamp(file)
  }
  install(staging, outdir)
  writeFileSync(manifest, JSON.stringify(inputs))
  console.error(`[masthead] bundled ${path.relative(root, entry)} (${Object.keys(inputs).length} files) in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/**
 * Moves a new build into place file by file, the entry last, each by an atomic rename: a script
 * starting meanwhile reads the old entry or the new one, never half of one; and since chunks are
 * named by their content, one still running from an older build finds the chunks it loads late.
 * Those of older builds go once they are an hour old.
 */
function install(staging: string, outdir: string): void {
  mkdirSync(outdir, { recursive: true })
  const built = readdirSync(staging).sort((a, b) => Number(a === ENTRY) - Number(b === ENTRY))
  for (const name of built) renameSync(path.join(staging, name), path.join(outdir, name))
  rmSync(staging, { recursive: true, force: true })
  const current = new Set(built)
  for (const name of readdirSync(outdir)) {
    const file = path.join(outdir, name)
    if (!current.has(name) && Date.now() - statSync(file).mtimeMs > 3_600_000) rmSync(file, { force: true })
  }
}

/**
 * The .env files Next and `payload run` read, most specific first; a variable already set wins
 * (Node's own loader; @next/env is not a dependency of ours).
 */
function loadEnvFiles(): void {
  const mode = process.env.NODE_ENV === 'production' ? 'production' : process.env.NODE_ENV === 'test' ? 'test' : 'development'
  const names = [`.env.${mode}.local`, ...(mode === 'test' ? [] : ['.env.local']), `.env.${mode}`, '.env']
  for (const name of names) {
    const file = path.join(process.cwd(), name)
    if (existsSync(file)) process.loadEnvFile(file)
  }
}

const [script, ...args] = process.argv.slice(2)
if (!script || !/\.tsx?$/.test(script)) {
  console.error('Usage: node server/run-script.ts <script.ts> [args…]')
  process.exit(2)
}
const entry = path.resolve(process.cwd(), script)
const name = path.relative(root, entry).replace(/[^A-Za-z0-9]+/g, '-')
const outdir = path.join(cacheDir, name)
const outfile = path.join(outdir, ENTRY)
const manifest = path.join(cacheDir, `${name}.inputs.json`)
mkdirSync(cacheDir, { recursive: true })
if (!existsSync(outfile) || !upToDate(manifest)) await bundle(entry, outdir, manifest)

loadEnvFiles()
process.env.DISABLE_PAYLOAD_HMR = 'true'
// What the script sees, as under `payload run`: itself, then its own arguments.
process.argv = [process.argv[0]!, entry, ...args]
// The bundle is 7 MB of JavaScript: compiled once, then loaded from Node's code cache (server/compile-cache.ts).
enableCompileCache(root)
await import(pathToFileURL(outfile).href)

/**
 * What `npm start` compares to decide whether to build: a hash of the sources and nothing else. No
 * runtime setting (PORT, SITE_URL, DATABASE_URI) goes in: nothing the build makes depends on one
 * (reader pages, feeds and sitemaps render on request), so one build serves any port, origin and
 * database, and a second process can share the first one's build.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

export const BUILD_INPUTS = [
  'app', 'collections', 'access', 'fields', 'hooks', 'lib', 'reader', 'admin', 'server', 'migrations', 'migrations-mongodb',
  'payload.config.ts', 'payload-types.ts', 'next.config.mjs', 'tsconfig.json', 'package-lock.json',
]

export function buildStamp(root: string): string {
  const hash = createHash('sha256')
  const visit = (file: string) => {
    if (!existsSync(file)) return
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) visit(path.join(file, entry))
      return
    }
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file))
  }
  for (const input of BUILD_INPUTS) visit(path.join(root, input))
  return hash.digest('hex')
}

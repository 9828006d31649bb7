/**
 * The pure parts of `npm run backup` and `npm run restore` (server/backup.ts, server/restore.ts).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** `masthead-2026-12-01T08-30-05Z.tar.gz`: sorts by date, and is a valid file name everywhere. */
export function archiveName(at: Date): string {
  return `masthead-${at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-')}.tar.gz`
}

/** What the archive holds besides the database and the media, written as `backup.json`. */
export interface BackupManifest {
  format: 1
  createdAt: string
  /** The database file inside the archive. */
  database: 'masthead.db'
  /** The media folder inside the archive. */
  media: 'media'
  mediaFiles: number
}

export function parseManifest(text: string): BackupManifest | string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return 'backup.json is not JSON'
  }
  const manifest = value as Partial<BackupManifest>
  if (manifest?.format !== 1) return `backup.json has format ${String(manifest?.format)}; this version reads format 1`
  if (manifest.database !== 'masthead.db' || manifest.media !== 'media') return 'backup.json names no database or media folder'
  return manifest as BackupManifest
}

export interface RestoreArgs {
  archive: string
  force: boolean
}

export const RESTORE_USAGE = 'Usage: npm run restore -- <archive.tar.gz> [--force]'

/**
 * `util.parseArgs`, its error as a value instead of a throw, cut to its first sentence ("Unknown
 * option --yes"); a bare `--` is npm's, not ours.
 */
function readArgs<T extends ParseArgsConfig['options']>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: argv.filter((arg) => arg !== '--'), options, allowPositionals: true, strict: true })
  } catch (error) {
    return (error as Error).message.split('. ')[0]!.replaceAll("'", '')
  }
}

export function parseRestoreArgs(argv: readonly string[]): RestoreArgs | string {
  const parsed = readArgs(argv, { force: { type: 'boolean', default: false } })
  if (typeof parsed === 'string') return `${parsed}.\n${RESTORE_USAGE}`
  if (parsed.positionals.length !== 1) return `Name one archive to restore.\n${RESTORE_USAGE}`
  return { archive: parsed.positionals[0]!, force: parsed.values.force }
}

export const BACKUP_USAGE = 'Usage: npm run backup -- [--out <folder>]   (default folder: backups/)'

export function parseBackupArgs(argv: readonly string[]): { out: string | null } | string {
  const parsed = readArgs(argv, { out: { type: 'string' } })
  if (typeof parsed === 'string' || parsed.positionals.length > 0 || parsed.values.out?.startsWith('-')) return BACKUP_USAGE
  return { out: parsed.values.out ?? null }
}

/**
 * The pure parts of `npm run backup` and `npm run restore` (server/backup.ts, server/restore.ts).
 */

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

export function parseRestoreArgs(argv: readonly string[]): RestoreArgs | string {
  const positional = argv.filter((arg) => arg !== '--' && !arg.startsWith('-'))
  const unknown = argv.filter((arg) => arg.startsWith('-') && arg !== '--' && arg !== '--force')
  if (unknown.length > 0) return `Unknown option ${unknown.join(' ')}.\n${RESTORE_USAGE}`
  if (positional.length !== 1) return `Name one archive to restore.\n${RESTORE_USAGE}`
  return { archive: positional[0]!, force: argv.includes('--force') }
}

export const BACKUP_USAGE = 'Usage: npm run backup -- [--out <folder>]   (default folder: backups/)'

export function parseBackupArgs(argv: readonly string[]): { out: string | null } | string {
  const args = argv.filter((arg) => arg !== '--')
  if (args.length === 0) return { out: null }
  if (args.length === 2 && args[0] === '--out' && args[1] && !args[1].startsWith('-')) return { out: args[1] }
  return BACKUP_USAGE
}

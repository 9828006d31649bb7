/**
 * `npm run backup -- [--out <folder>]`: one dated archive (`backups/masthead-<UTC time>.tar.gz`)
 * holding a consistent snapshot of the SQLite database and the media folder, safe to take while the
 * servers write. The database is copied with SQLite's `VACUUM INTO` (node:sqlite), which reads one
 * transaction's snapshot: no half-written change gets in, and writers are not stopped. The media
 * folder is copied after it, so every photo the snapshot names has its files. The archive is
 * written by the system `tar` (GNU tar or bsdtar). The session secret is left out on purpose: an
 * archive must not be a key. MongoDB is backed up with mongodump (README, "Backups").
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { archiveName, parseBackupArgs, type BackupManifest } from './backup-args.ts'
import { dataDir, mediaDir } from './data-dir.ts'
import { chooseDatabase, defaultSqliteFile, describeDatabase } from './database.ts'

const root = path.resolve(import.meta.dirname, '..')
/** Paths inside the project relative to it, others in full. */
const shown = (name: string) => (name.startsWith(`${root}${path.sep}`) ? path.relative(root, name) : name)

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0
  return readdirSync(dir).reduce((sum, name) => {
    const file = path.join(dir, name)
    return sum + (statSync(file).isDirectory() ? countFiles(file) : 1)
  }, 0)
}

function main(): number {
  const args = parseBackupArgs(process.argv.slice(2))
  if (typeof args === 'string') {
    console.error(args)
    return 2
  }
  const database = chooseDatabase(process.env.DATABASE_URI, defaultSqliteFile(dataDir(root), process.env.NODE_ENV))
  if (database.kind === 'mongodb') {
    console.error('DATABASE_URI names MongoDB: back it up with mongodump (see README, "Backups"); this command copies SQLite.')
    return 2
  }
  const file = path.resolve(root, database.file)
  if (!existsSync(file)) {
    console.error(`No database at ${file}: nothing to back up.`)
    return 1
  }
  const outDir = path.resolve(args.out ?? path.join(root, 'backups'))
  mkdirSync(outDir, { recursive: true })
  const archive = path.join(outDir, archiveName(new Date()))
  const staging = mkdtempSync(path.join(tmpdir(), 'masthead-backup-'))
  try {
    const db = new DatabaseSync(file)
    try {
      // Waits out a writer's lock rather than failing; the copy itself runs inside one read transaction.
      db.exec('PRAGMA busy_timeout = 10000')
      db.prepare('VACUUM INTO ?').run(path.join(staging, 'masthead.db'))
    } finally {
      db.close()
    }
    const media = mediaDir(root)
    const stagedMedia = path.join(staging, 'media')
    if (existsSync(media)) cpSync(media, stagedMedia, { recursive: true })
    else mkdirSync(stagedMedia)
    const manifest: BackupManifest = {
      format: 1,
      createdAt: new Date().toISOString(),
      database: 'masthead.db',
      media: 'media',
      mediaFiles: countFiles(stagedMedia),
    }
    writeFileSync(path.join(staging, 'backup.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    const tar = spawnSync('tar', ['-czf', archive, '-C', staging, 'backup.json', 'masthead.db', 'media'], { stdio: 'inherit' })
    if (tar.status !== 0) {
      rmSync(archive, { force: true })
      console.error(`tar failed (exit ${tar.status ?? tar.signal}${tar.error ? `: ${tar.error.message}` : ''}).`)
      return 1
    }
    console.log(`Backed up ${describeDatabase(database, root)} and ${manifest.mediaFiles} media files to ${shown(archive)}`)
    return 0
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

process.exit(main())

/**
 * `npm run restore -- <archive.tar.gz> [--force]`: puts a `npm run backup` archive back, into an
 * empty data folder (the database file `npm start` would use, and the media folder). Refuses a
 * folder that already holds a database or media unless `--force`, which moves them aside to
 * `<data>/replaced-<time>/` rather than deleting them. The database is checked (`PRAGMA
 * integrity_check`) before anything is put in place. Stop the servers first: they keep the old file
 * open. MongoDB is restored with mongorestore (README, "Backups").
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { parseManifest, parseRestoreArgs } from './backup-args.ts'
import { dataDir, mediaDir } from './data-dir.ts'
import { chooseDatabase, defaultSqliteFile, describeDatabase } from './database.ts'

const root = path.resolve(import.meta.dirname, '..')
/** Paths inside the project relative to it, others in full. */
const shown = (name: string) => (name.startsWith(`${root}${path.sep}`) ? path.relative(root, name) : name)
const SIDE_FILES = ['', '-wal', '-shm']

function integrity(file: string): string {
  const db = new DatabaseSync(file, { readOnly: true })
  try {
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]
    return rows.map((row) => row.integrity_check).join('; ')
  } finally {
    db.close()
  }
}

function main(): number {
  const args = parseRestoreArgs(process.argv.slice(2))
  if (typeof args === 'string') {
    console.error(args)
    return 2
  }
  const database = chooseDatabase(process.env.DATABASE_URI, defaultSqliteFile(dataDir(root), process.env.NODE_ENV))
  if (database.kind === 'mongodb') {
    console.error('DATABASE_URI names MongoDB: restore it with mongorestore (see README, "Backups"); this command restores SQLite.')
    return 2
  }
  const archive = path.resolve(args.archive)
  if (!existsSync(archive)) {
    console.error(`No archive at ${archive}.`)
    return 2
  }
  const file = path.resolve(root, database.file)
  const media = mediaDir(root)
  const present = [
    ...SIDE_FILES.map((suffix) => `${file}${suffix}`).filter((name) => existsSync(name)),
    ...(existsSync(media) && readdirSync(media).length > 0 ? [media] : []),
  ]
  if (present.length > 0 && !args.force) {
    console.error(`Not restoring over ${present.join(', ')}: the data folder is not empty. Add --force to move them aside first.`)
    return 1
  }

  const staging = mkdtempSync(path.join(tmpdir(), 'masthead-restore-'))
  try {
    const tar = spawnSync('tar', ['-xzf', archive, '-C', staging], { stdio: 'inherit' })
    if (tar.status !== 0) {
      console.error(`${archive} could not be unpacked (tar exit ${tar.status ?? tar.signal}).`)
      return 1
    }
    const manifestFile = path.join(staging, 'backup.json')
    const manifest = existsSync(manifestFile) ? parseManifest(readFileSync(manifestFile, 'utf8')) : 'it holds no backup.json'
    if (typeof manifest === 'string') {
      console.error(`${archive} is not a Masthead backup: ${manifest}.`)
      return 1
    }
    const stagedDb = path.join(staging, manifest.database)
    const check = existsSync(stagedDb) ? integrity(stagedDb) : 'missing'
    if (check !== 'ok') {
      console.error(`The database in ${archive} fails its integrity check (${check}): nothing was changed.`)
      return 1
    }

    if (present.length > 0) {
      const aside = path.join(dataDir(root), `replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`)
      mkdirSync(aside, { recursive: true })
      for (const name of present) renameSync(name, path.join(aside, path.basename(name)))
      console.log(`Moved ${present.map((name) => path.basename(name)).join(', ')} aside to ${aside}`)
    }
    mkdirSync(path.dirname(file), { recursive: true })
    copyFileSync(stagedDb, file)
    rmSync(media, { recursive: true, force: true })
    cpSync(path.join(staging, manifest.media), media, { recursive: true })
    console.log(
      `Restored ${describeDatabase(database, root)} and ${manifest.mediaFiles} media files (into ${shown(media)}) from the backup of ${manifest.createdAt}`,
    )
    return 0
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

process.exit(main())

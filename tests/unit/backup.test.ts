import { describe, expect, it } from 'vitest'
import { archiveName, parseBackupArgs, parseManifest, parseRestoreArgs, RESTORE_USAGE } from '@/server/backup-args'

describe('backup and restore arguments', () => {
  it('names archives by UTC time, sortable and valid as a file name', () => {
    expect(archiveName(new Date('2026-12-01T08:30:05.123Z'))).toBe('masthead-2026-12-01T08-30-05Z.tar.gz')
  })

  it('reads restore arguments: one archive, optionally --force, in any order', () => {
    expect(parseRestoreArgs(['--', 'b.tar.gz'])).toEqual({ archive: 'b.tar.gz', force: false })
    expect(parseRestoreArgs(['--force', 'b.tar.gz'])).toEqual({ archive: 'b.tar.gz', force: true })
    expect(parseRestoreArgs([])).toBe(`Name one archive to restore.\n${RESTORE_USAGE}`)
    expect(parseRestoreArgs(['a.tar.gz', 'b.tar.gz'])).toMatch(/^Name one archive/)
    expect(parseRestoreArgs(['--yes', 'b.tar.gz'])).toMatch(/^Unknown option --yes\./)
  })

  it('reads backup arguments: nothing, or --out <folder>', () => {
    expect(parseBackupArgs([])).toEqual({ out: null })
    expect(parseBackupArgs(['--', '--out', '/srv/backups'])).toEqual({ out: '/srv/backups' })
    expect(parseBackupArgs(['--out'])).toMatch(/^Usage/)
    expect(parseBackupArgs(['somewhere'])).toMatch(/^Usage/)
  })

  it('accepts only a manifest it knows', () => {
    const good = { format: 1, createdAt: '2026-12-01T08:30:05.123Z', database: 'masthead.db', media: 'media', mediaFiles: 3 }
    expect(parseManifest(JSON.stringify(good))).toEqual(good)
    expect(parseManifest('{')).toBe('backup.json is not JSON')
    expect(parseManifest(JSON.stringify({ ...good, format: 2 }))).toMatch(/format 2; this version reads format 1/)
    expect(parseManifest(JSON.stringify({ ...good, database: '../etc/passwd' }))).toMatch(/names no database/)
  })
})

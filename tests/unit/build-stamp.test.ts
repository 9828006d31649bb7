import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildStamp } from '@/server/build-stamp'

let root: string
afterEach(() => rmSync(root, { recursive: true, force: true }))

function project(): string {
  root = mkdtempSync(path.join(tmpdir(), 'masthead-stamp-'))
  mkdirSync(path.join(root, 'app'))
  writeFileSync(path.join(root, 'app', 'route.ts'), 'export const GET = 1')
  writeFileSync(path.join(root, 'payload.config.ts'), 'export default {}')
  return root
}

describe('buildStamp', () => {
  it('does not change with the runtime settings: PORT=3001 npm start reuses the build', () => {
    const dir = project()
    const before = buildStamp(dir)
    const saved = { PORT: process.env.PORT, SITE_URL: process.env.SITE_URL, DATABASE_URI: process.env.DATABASE_URI }
    try {
      Object.assign(process.env, { PORT: '3001', SITE_URL: 'https://news.example', DATABASE_URI: 'file:/elsewhere.db' })
      expect(buildStamp(dir)).toBe(before)
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
  })

  it('changes when a source changes, or a file is added', () => {
    const dir = project()
    const before = buildStamp(dir)
    writeFileSync(path.join(dir, 'app', 'route.ts'), 'export const GET = 2')
    const edited = buildStamp(dir)
    expect(edited).not.toBe(before)
    writeFileSync(path.join(dir, 'app', 'other.ts'), '')
    expect(buildStamp(dir)).not.toBe(edited)
  })
})

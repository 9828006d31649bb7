import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolvePayloadSecret } from '@/server/secret'

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'masthead-secret-'))
const strong = 'a3f1c9e07b2d4e6f8a0b1c2d3e4f5a6b'

describe('resolvePayloadSecret', () => {
  it('refuses to run in production without PAYLOAD_SECRET', () => {
    expect(() => resolvePayloadSecret({ env: undefined, production: true, dataDir: dataDir() })).toThrow(
      /PAYLOAD_SECRET is not set/,
    )
  })

  it.each(['changeme', 'secret', 'short-but-unique'])('refuses the weak value %j in production', (env) => {
    expect(() => resolvePayloadSecret({ env, production: true, dataDir: dataDir() })).toThrow(/too weak/)
  })

  it('uses a strong PAYLOAD_SECRET as given', () => {
    expect(resolvePayloadSecret({ env: strong, production: true, dataDir: dataDir() })).toBe(strong)
  })

  it('generates a development secret once, keeps it private in data/ and reuses it', () => {
    const dir = dataDir()
    const first = resolvePayloadSecret({ env: undefined, production: false, dataDir: dir })
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(resolvePayloadSecret({ env: undefined, production: false, dataDir: dir })).toBe(first)
    const file = path.join(dir, 'payload-secret')
    expect(readFileSync(file, 'utf8').trim()).toBe(first)
    expect(statSync(file).mode & 0o077).toBe(0)
  })
})

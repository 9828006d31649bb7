import { describe, expect, it } from 'vitest'
import { LOOKBACK_MS, LogCursor, nextSequence, parseTags } from '@/lib/invalidation/log'

describe('nextSequence', () => {
  it('follows the clock, but always passes the newest entry (a clock behind, two writes in one ms)', () => {
    expect(nextSequence(1_000.7, null)).toBe(1_000)
    expect(nextSequence(1_000, 999)).toBe(1_000)
    expect(nextSequence(1_000, 1_000)).toBe(1_001)
    expect(nextSequence(1_000, 5_000)).toBe(5_001)
  })
})

describe('LogCursor', () => {
  const entry = (id: number, sequence: number, tags = [`t${id}`]) => ({ id, sequence, tags })

  it('hands each entry over once, in sequence order, and reads from the look-back window', () => {
    const cursor = new LogCursor(100_000)
    expect(cursor.since).toBe(100_000 - LOOKBACK_MS)
    expect(cursor.accept([entry(2, 100_020), entry(1, 100_010)]).map((e) => e.id)).toEqual([1, 2])
    expect(cursor.since).toBe(100_020 - LOOKBACK_MS)
    // The next read returns the same rows again (they are inside the window): nothing new.
    expect(cursor.accept([entry(1, 100_010), entry(2, 100_020), entry(3, 100_030)]).map((e) => e.id)).toEqual([3])
  })

  it('still applies an entry committed late with an older sequence, inside the window', () => {
    const cursor = new LogCursor(0)
    cursor.accept([entry(1, 50_000), entry(3, 50_100)])
    // Entry 2 took its sequence before 3 but committed after the reader had seen 3.
    expect(cursor.accept([entry(1, 50_000), entry(2, 50_050), entry(3, 50_100)]).map((e) => e.id)).toEqual([2])
  })

  it('forgets ids that fell out of the window, and does not hand them over again', () => {
    const cursor = new LogCursor(0)
    cursor.accept([entry(1, 1_000)])
    cursor.accept([entry(2, 1_000 + LOOKBACK_MS + 1)])
    // Entry 1 is behind the window: a read no longer returns it, and the cursor no longer tracks it.
    expect(cursor.since).toBeGreaterThan(1_000)
    expect(cursor.accept([entry(2, 1_000 + LOOKBACK_MS + 1)])).toEqual([])
  })

  it('keys by id whatever its type (SQLite numbers, MongoDB ObjectId strings)', () => {
    const cursor = new LogCursor(0)
    expect(cursor.accept([{ id: '665f1c', sequence: 10, tags: [] }])).toHaveLength(1)
    expect(cursor.accept([{ id: '665f1c', sequence: 10, tags: [] }])).toHaveLength(0)
  })
})

describe('parseTags', () => {
  it('reads the JSON field as either adapter returns it, keeping only strings', () => {
    expect(parseTags(['article:a', 'articles:latest'])).toEqual(['article:a', 'articles:latest'])
    expect(parseTags('["article:a"]')).toEqual(['article:a'])
    expect(parseTags(['a', 1, null])).toEqual(['a'])
    expect(parseTags('not json')).toEqual([])
    expect(parseTags(null)).toEqual([])
  })
})

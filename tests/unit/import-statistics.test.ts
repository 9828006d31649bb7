import { describe, expect, it } from 'vitest'
import { FIRST_STATISTICS_AT, statisticsDue } from '@/seed/importer/bulk'

describe("the importer's statistics passes", () => {
  it(`come first at ${FIRST_STATISTICS_AT} pieces, then each time the pieces written have doubled`, () => {
    expect(statisticsDue(FIRST_STATISTICS_AT - 1, 0)).toBe(false)
    expect(statisticsDue(FIRST_STATISTICS_AT, 0)).toBe(true)
    expect(statisticsDue(1_999, 1_000)).toBe(false)
    expect(statisticsDue(2_000, 1_000)).toBe(true)
    expect(statisticsDue(100_000, 64_000)).toBe(false)
    expect(statisticsDue(128_000, 64_000)).toBe(true)
  })

  it('come about log2 times over an import, not once a batch', () => {
    let last = 0
    let passes = 0
    for (let written = 200; written <= 100_000; written += 200) {
      if (statisticsDue(written, last)) {
        last = written
        passes++
      }
    }
    expect(passes).toBe(7)
  })
})

import { describe, expect, it } from 'vitest'
import {
  formatDisplayDate,
  toW3CDateTime,
} from '@/lib/text/format'

describe('formatDisplayDate', () => {
  it('writes dates the way the site prints them', () => {
    expect(formatDisplayDate('2025-06-30T10:00:00.000Z')).toBe('30 June 2025')
    expect(formatDisplayDate(new Date('2025-01-05T00:00:00Z'))).toBe('5 January 2025')
  })

  it('uses the given time zone and locale', () => {
    // 23:30 UTC on 30 June is already 1 July in Damascus (UTC+3).
    expect(formatDisplayDate('2025-06-30T23:30:00.000Z', 'en-GB', 'Asia/Damascus')).toBe('1 July 2025')
    expect(formatDisplayDate('2025-06-30T10:00:00.000Z', 'en-US')).toBe('June 30, 2025')
  })

  it('refuses an unreadable date', () => {
    expect(() => formatDisplayDate('not a date')).toThrow(RangeError)
  })
})

describe('toW3CDateTime', () => {
  it('writes UTC datetimes and keeps plain dates', () => {
    expect(toW3CDateTime(new Date('2025-06-30T10:00:00Z'))).toBe('2025-06-30T10:00:00Z')
    expect(toW3CDateTime('2025-06-30T12:00:00+02:00')).toBe('2025-06-30T10:00:00Z')
    expect(toW3CDateTime('2025-06-30')).toBe('2025-06-30')
    expect(() => toW3CDateTime('soon')).toThrow(RangeError)
  })
})

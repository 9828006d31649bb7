import { describe, expect, it } from 'vitest'
import { parseNewsDate, splitTrailingDate, utcDate } from '@/lib/text/dates'

describe('parseNewsDate', () => {
  it.each([
    ['30/06/2025', '2025-06-30'],
    ['30.06.2025', '2025-06-30'],
    ['30-06-2025', '2025-06-30'],
    ['3/6/2025', '2025-06-03'],
    ['30 June 2025', '2025-06-30'],
    ['30 Jun 2025', '2025-06-30'],
    ['30th June, 2025', '2025-06-30'],
    ['June 30, 2025', '2025-06-30'],
    ['Jun 30 2025', '2025-06-30'],
    ['Sept. 1, 2025', '2025-09-01'],
    ['2025-06-30', '2025-06-30'],
    ['  30/06/2025  ', '2025-06-30'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseNewsDate(text)).toBe(iso)
  })

  it.each(['', 'Ahmed Mohammed', '30/06', '2025', '30 Foo 2025', '30/06-2025', 'Ahmed 30/06/2025', '30/06/2025 today'])(
    'returns null for %j, which is not a date',
    (text) => {
      expect(parseNewsDate(text)).toBeNull()
    },
  )

  it.each([
    ['31/02/2025', '31/02/2025 is not a real date (February 2025 has 28 days)'],
    ['30/02/2024', '30/02/2024 is not a real date (February 2024 has 29 days)'],
    ['29/02/1900', '29/02/1900 is not a real date (February 1900 has 28 days)'],
    ['31 April 2025', '31 April 2025 is not a real date (April 2025 has 30 days)'],
    ['30/13/2025', '30/13/2025 is not a real date (there is no month 13)'],
    ['06/30/2025', '06/30/2025 is not a real date (there is no month 30)'],
    ['00/06/2025', '00/06/2025 is not a real date (there is no day 0)'],
    ['2025-00-10', '2025-00-10 is not a real date (there is no month 0)'],
  ])('throws a RangeError for the impossible date %j', (text, message) => {
    expect(() => parseNewsDate(text)).toThrow(new RangeError(message))
  })
})

describe('splitTrailingDate', () => {
  it.each([
    ['Ahmed Mohammed 30/06/2025', 'Ahmed Mohammed', '2025-06-30'],
    ['By Jane Doe and John Roe 30 June 2025', 'By Jane Doe and John Roe', '2025-06-30'],
    ['A, B and C June 30, 2025', 'A, B and C', '2025-06-30'],
    ['Ahmed Mohammed Jun 30 2025', 'Ahmed Mohammed', '2025-06-30'],
    ['Ahmed Mohammed, 2025-06-30', 'Ahmed Mohammed', '2025-06-30'],
    ['Ahmed Mohammed — 30.06.2025', 'Ahmed Mohammed', '2025-06-30'],
    ['30/06/2025', '', '2025-06-30'],
  ])('splits %j', (line, before, date) => {
    expect(splitTrailingDate(line)).toEqual({ before, date })
  })

  it.each(['Ahmed Mohammed', 'Ahmed 130/06/2025', '30/06/2025 Ahmed Mohammed', 'Talks in Damascus on 30 June 2025.'])(
    'returns null when %j does not end with a date',
    (line) => {
      expect(splitTrailingDate(line)).toBeNull()
    },
  )

  it('throws a RangeError when the trailing date is impossible', () => {
    expect(() => splitTrailingDate('Ahmed Mohammed 31/02/2025')).toThrow(
      new RangeError('31/02/2025 is not a real date (February 2025 has 28 days)'),
    )
  })
})

describe('utcDate', () => {
  it.each([
    ['2025-06-01T01:30:00+02:00', '2025-05-31T23:30:00.000Z'],
    ['2025-06-01T08:00:00.000Z', '2025-06-01T08:00:00.000Z'],
    ['2025-06-01', '2025-06-01T00:00:00.000Z'],
    [new Date('2025-06-01T08:00:00Z'), '2025-06-01T08:00:00.000Z'],
  ])('writes %o as %s', (value, utc) => {
    expect(utcDate(value)).toBe(utc)
  })

  it.each(['not a date', '', 42, null, undefined])('leaves %o for validation to refuse', (value) => {
    expect(utcDate(value)).toBe(value)
  })
})

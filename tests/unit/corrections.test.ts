import { describe, expect, it } from 'vitest'
import {
  correctionNotice,
  correctionsChanged,
  correctionsInputErrors,
  lastCorrectedAt,
  linkedText,
  significantlyModifiedAt,
  sortedCorrections,
} from '@/lib/content/corrections'
import { inNewsSitemap, kindLabel, kindSchemaType } from '@/lib/content/labels'
import { formatDisplayDate } from '@/lib/text/format'

const entries = [
  { type: 'update' as const, date: '2025-07-01T09:00:00.000Z', text: 'Adds a statement.' },
  { type: 'clarification' as const, date: '2025-07-03T09:00:00.000Z', text: 'Clarifies the timeline.' },
  { type: 'correction' as const, date: '2025-07-02T09:00:00.000Z', text: 'Corrects a name.' },
]

describe('corrections', () => {
  it('sorts newest first and drops entries that cannot be shown', () => {
    const shown = sortedCorrections([...entries, { type: 'correction', date: 'soon', text: 'x' }, { type: 'oops' as never, date: '2025-07-04T00:00:00Z', text: 'x' }, { type: 'update', date: '2025-07-04T00:00:00Z', text: '  ' }])
    expect(shown.map((entry) => entry.type)).toEqual(['clarification', 'correction', 'update'])
  })

  it('flags the newest correction or clarification at the top', () => {
    expect(lastCorrectedAt(entries)).toBe('2025-07-03T09:00:00.000Z')
    expect(correctionNotice(entries, (iso) => formatDisplayDate(iso))).toBe('This article was clarified on 3 July 2025.')
    expect(correctionNotice([entries[2]!], (iso) => formatDisplayDate(iso))).toBe('This article was corrected on 2 July 2025.')
    expect(correctionNotice([entries[0]!], (iso) => iso)).toBeNull()
    expect(lastCorrectedAt([entries[0]!])).toBeNull()
    expect(lastCorrectedAt(null)).toBeNull()
  })

  it('dates a significant change by the mark or the newest entry, never before publication', () => {
    const publishedAt = '2025-06-30T10:00:00.000Z'
    expect(significantlyModifiedAt({ publishedAt })).toBeNull()
    expect(significantlyModifiedAt({ publishedAt, corrections: entries })).toBe('2025-07-03T09:00:00.000Z')
    expect(significantlyModifiedAt({ publishedAt, corrections: entries, modifiedAt: '2025-07-05T00:00:00.000Z' })).toBe('2025-07-05T00:00:00.000Z')
    expect(significantlyModifiedAt({ publishedAt, modifiedAt: '2025-06-29T00:00:00.000Z' })).toBeNull()
  })

  it('sees added, removed and edited entries as changes, not a new order or row ids', () => {
    expect(correctionsChanged(entries, [...entries].reverse().map((entry, i) => ({ ...entry, id: String(i) })))).toBe(false)
    expect(correctionsChanged(null, [])).toBe(false)
    expect(correctionsChanged(entries, entries.slice(1))).toBe(true)
    expect(correctionsChanged(entries, [...entries.slice(1), { ...entries[0]!, text: 'Changed.' }])).toBe(true)
    expect(correctionsChanged([], [entries[0]!])).toBe(true)
  })

  it('links http(s) addresses in the text, leaving everything else as text', () => {
    expect(linkedText('See https://example.org/report. And javascript:alert(1) <b>x</b>')).toEqual([
      'See ',
      { href: 'https://example.org/report', text: 'https://example.org/report' },
      '. And javascript:alert(1) <b>x</b>',
    ])
    expect(linkedText('No links here.')).toEqual(['No links here.'])
  })

  it('refuses malformed entries with a message naming the entry', () => {
    expect(correctionsInputErrors(undefined)).toEqual([])
    // What the admin form sends for an article without entries.
    expect(correctionsInputErrors(0)).toEqual([])
    expect(correctionsInputErrors('0')).toEqual([])
    expect(correctionsInputErrors(2)).toEqual(['Corrections must be a list of entries ({ type, date, text }).'])
    expect(correctionsInputErrors(entries)).toEqual([])
    expect(correctionsInputErrors('fixed it')).toEqual(['Corrections must be a list of entries ({ type, date, text }).'])
    expect(correctionsInputErrors([{ type: 'retraction', date: 'yesterday', text: 5 }, 'x'])).toEqual([
      'Correction 1: the type must be one of correction, clarification, update, editorsNote.',
      'Correction 1: the date must be a date, e.g. "2025-07-02T09:00:00.000Z".',
      'Correction 1: the text must be text.',
      'Correction 2 must be an object with a type, a date and a text.',
    ])
    expect(correctionsInputErrors([{ text: 'x'.repeat(2_001) }])[0]).toContain('at most 2000 characters')
    expect(correctionsInputErrors(Array.from({ length: 51 }, () => ({})))[0]).toContain('at most 50')
  })
})

describe('labels', () => {
  it('shows no label for news, a label for the rest', () => {
    expect(kindLabel('news')).toBeNull()
    expect(kindLabel(null)).toBeNull()
    expect(kindLabel('opinion')).toBe('Opinion')
    expect(kindLabel('factCheck')).toBe('Fact check')
    expect(kindSchemaType('explainer')).toBe('BackgroundNewsArticle')
    expect(kindSchemaType('unknown')).toBe('NewsArticle')
  })

  it('keeps sponsored content out of Google News', () => {
    expect(inNewsSitemap('sponsored')).toBe(false)
    expect(inNewsSitemap('opinion')).toBe(true)
    expect(inNewsSitemap(null)).toBe(true)
  })
})

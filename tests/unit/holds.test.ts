import { expect, it } from 'vitest'
import { embargoTime, publishHolds, scheduleRefusal } from '@/lib/content/holds'

const now = new Date('2026-06-01T12:00:00Z')

it('holds nothing back without a flag or a future embargo', () => {
  expect(publishHolds({}, now)).toEqual([])
  expect(publishHolds({ embargoUntil: '2026-06-01T11:59:59Z', legalHold: false, notForPublication: null }, now)).toEqual([])
  expect(scheduleRefusal({ embargoUntil: '2026-06-01T13:00:00Z' }, new Date('2026-06-01T13:00:00Z'))).toBeNull()
})

it('names each hold on the field that holds it, with the legal reason', () => {
  expect(publishHolds({ legalHold: true, legalHoldReason: ' Injunction ', notForPublication: true, embargoUntil: '2026-06-01T13:00:00Z' }, now)).toEqual([
    { path: 'legalHold', message: 'Cannot publish: this article is on legal hold (Injunction); an editor must clear the hold first.' },
    { path: 'notForPublication', message: 'Cannot publish: this article is marked not for publication.' },
    { path: 'embargoUntil', message: 'Cannot publish: this article is embargoed until 2026-06-01T13:00:00.000Z; it cannot be published before then.' },
  ])
  expect(publishHolds({ legalHold: true }, now)[0]!.message).toBe('Cannot publish: this article is on legal hold; an editor must clear the hold first.')
})

it('refuses a schedule earlier than the embargo, or of a held story, when it is made', () => {
  expect(scheduleRefusal({ embargoUntil: '2026-06-01T13:00:00Z' }, new Date('2026-06-01T12:30:00Z'))).toBe(
    'Cannot schedule publishing at 2026-06-01T12:30:00.000Z: this article is embargoed until 2026-06-01T13:00:00.000Z. Schedule it for then or later.',
  )
  expect(scheduleRefusal({ notForPublication: true }, now)).toBe('Cannot schedule publishing: this article is marked not for publication.')
})

it('ignores an embargo that is not a date', () => {
  expect(embargoTime({ embargoUntil: 'soon' })).toBeNull()
  expect(embargoTime({ embargoUntil: new Date('2026-01-01T00:00:00Z') })?.toISOString()).toBe('2026-01-01T00:00:00.000Z')
})

import { describe, expect, it } from 'vitest'
import { savesDraftOnly } from '@/hooks/stored-article'

describe('savesDraftOnly: an update that leaves the published document untouched', () => {
  it('is a draft asked for, not publishing (an autosave, "Save draft")', () => {
    expect(savesDraftOnly({ draft: true, data: { _status: 'draft' } })).toBe(true)
    expect(savesDraftOnly({ draft: true, data: { standfirst: 'no status sent' } as { _status?: unknown } })).toBe(true)
  })
  it('is not a publish, even asked as a draft', () => {
    expect(savesDraftOnly({ draft: true, data: { _status: 'published' } })).toBe(false)
  })
  it('is not a save without draft: an edit or an unpublish writes the stored document', () => {
    expect(savesDraftOnly({ data: { _status: 'draft' } })).toBe(false)
    expect(savesDraftOnly({ draft: false, data: { _status: 'draft' } })).toBe(false)
    expect(savesDraftOnly({ data: null })).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { SECTIONS, sectionLabel } from '@/lib/content/sections'
import { slugify } from '@/lib/text/slug'

describe('sections', () => {
  it('label a known section and know no other', () => {
    expect(sectionLabel('world')).toBe('World')
    expect(sectionLabel('opinion')).toBe('Opinion')
    expect(sectionLabel('World')).toBeUndefined()
    expect(sectionLabel('gossip')).toBeUndefined()
  })
  it('use URL-ready values', () => {
    for (const section of SECTIONS) expect(slugify(section.value)).toBe(section.value)
  })
})

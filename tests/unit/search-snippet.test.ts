import { describe, expect, it } from 'vitest'
import { parseQuery } from '@/lib/search/query'
import { highlight, snippet, type Segment } from '@/lib/search/snippet'

const html = (segments: Segment[] | null) => (segments ?? []).map((s) => (s.mark ? `[${s.text}]` : s.text)).join('')

describe('highlight', () => {
  it('marks whole matched words, folded, and the prefix', () => {
    expect(html(highlight('Café owners and cafés', parseQuery('cafe')))).toBe('[Café] owners and [cafés]')
    expect(html(highlight('Ceasefire talks; the cease', parseQuery('talks cease')))).toBe('[Ceasefire] [talks]; the [cease]')
  })
  it('keeps the text as text: markup in it is not interpreted here (the renderer escapes it)', () => {
    expect(highlight('<b>Gaza</b>', parseQuery('gaza'))).toEqual([
      { text: '<b>', mark: false },
      { text: 'Gaza', mark: true },
      { text: '</b>', mark: false },
    ])
  })
})

describe('snippet', () => {
  const long = `${'Filler words come first. '.repeat(20)}Then the reservoir overflowed near the dam, engineers said. ${'More filler after. '.repeat(20)}`
  it('cuts around the best stretch of matches, on word boundaries, with ellipses', () => {
    const text = html(snippet(long, parseQuery('reservoir dam')))
    expect(text.startsWith('… ')).toBe(true)
    expect(text.endsWith(' …')).toBe(true)
    expect(text).toContain('[reservoir] overflowed near the [dam]')
    expect(text.length).toBeLessThan(300)
  })
  it('is null when the body does not match (the result shows its standfirst)', () => {
    expect(snippet(long, parseQuery('volcano'))).toBeNull()
  })
  it('keeps a short body whole', () => {
    expect(html(snippet('The dam held.', parseQuery('dam')))).toBe('The [dam] held.')
  })
  it('matches Arabic with vowel points against a query without', () => {
    expect(html(snippet('محادثاتٌ هَادِئَة بين', parseQuery('هادئة')))).toBe('محادثاتٌ [هَادِئَة] بين')
  })
})

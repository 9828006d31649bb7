import { describe, expect, it } from 'vitest'
import { controlCharacterErrors, controlCharacterIn, firstSentence, splitSentences, withoutControlCharacters } from '@/lib/text/sentences'

describe('splitSentences', () => {
  it('splits at a stop followed by a capital', () => {
    expect(splitSentences('It rained. Then it stopped! Did it? Yes.')).toEqual([
      'It rained.',
      'Then it stopped!',
      'Did it?',
      'Yes.',
    ])
  })
  it('keeps closing quotes with their sentence and splits before an opening quote', () => {
    expect(splitSentences('He said “we are peeling.” Then he left. “Good,” she said.')).toEqual([
      'He said “we are peeling.”',
      'Then he left.',
      '“Good,” she said.',
    ])
  })
  it('does not split after acronyms, initials or abbreviations', () => {
    expect(splitSentences('U.S. and Israeli officials met Gen. Smith and J. R. Doe on Jan. 3. It went well.')).toEqual([
      'U.S. and Israeli officials met Gen. Smith and J. R. Doe on Jan. 3.',
      'It went well.',
    ])
  })
  it('does not split before a lowercase word', () => {
    expect(splitSentences('“Why?” she asked.')).toEqual(['“Why?” she asked.'])
  })
  it('returns nothing for blank text', () => {
    expect(splitSentences('  ')).toEqual([])
  })
})

describe('firstSentence', () => {
  it('returns the first sentence, or the whole text when there is only one', () => {
    expect(firstSentence('One. Two.')).toBe('One.')
    expect(firstSentence('Just one, with U.S. in it')).toBe('Just one, with U.S. in it')
    expect(firstSentence('')).toBe('')
  })
})

describe('controlCharacterIn', () => {
  it('finds NUL and the other C0 controls and DEL, but not tab, newline or carriage return', () => {
    expect(controlCharacterIn('Gaza\u0000City')).toBe('U+0000')
    expect(controlCharacterIn('bell\u0007')).toBe('U+0007')
    expect(controlCharacterIn('\u001Bescape')).toBe('U+001B')
    expect(controlCharacterIn('del\u007F')).toBe('U+007F')
    expect(controlCharacterIn('Lines\nand\ttabs\r\n, “quotes” and عربي')).toBeNull()
  })
})

it('drops every control character but keeps tabs, newlines and the words', () => {
  expect(withoutControlCharacters('Gaza\u0000 City\u0007\u007F\tport\n')).toBe('Gaza City\tport\n')
})

describe('controlCharacterErrors', () => {
  it('names each field holding one: top level, in groups, in lists, in rich text', () => {
    const body = { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'x\u0000y' }] }] } }
    const errors = controlCharacterErrors({
      title: 'Gaza\u0000City',
      standfirst: 'Fine.\nReally.',
      credit: { line: 'AFP\u0001' },
      tags: ['ok', 'bad\u0002'],
      links: [{ label: 'Site', url: 'https://example.com/\u0000' }],
      body,
      count: 5,
    })
    expect(errors.map((error) => error.path)).toEqual(['title', 'credit.line', 'tags', 'links.url', 'body'])
    expect(errors[0]!.message).toBe('title contains a control character (U+0000), which text may not hold: remove it.')
  })
  it('finds nothing in clean data', () => {
    expect(controlCharacterErrors({ title: 'Gaza City', tags: ['a'], body: null, n: 1, ok: true })).toEqual([])
  })
})

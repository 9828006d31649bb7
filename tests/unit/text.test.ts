import { describe, expect, it } from 'vitest'
import { firstSentence, splitSentences } from '@/lib/text'

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

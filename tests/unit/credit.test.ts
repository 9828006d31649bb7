import { describe, expect, it } from 'vitest'
import { creditLine, formatCreditLine, namedCreator, parseCredit } from '@/lib/photos/credit'

describe('parseCredit', () => {
  it.each([
    ['Photo by Abdulaziz KETAZ / AFP', { creator: 'Abdulaziz KETAZ', provider: 'AFP' }],
    ['(Photo by Abdulaziz KETAZ / AFP)', { creator: 'Abdulaziz KETAZ', provider: 'AFP' }],
    ['Photo: AFP', { provider: 'AFP' }],
    ['PHOTO: AFP', { provider: 'AFP' }],
    ['Abdulaziz KETAZ/AFP', { creator: 'Abdulaziz KETAZ', provider: 'AFP' }],
    ['(Abdulaziz KETAZ/AFP)', { creator: 'Abdulaziz KETAZ', provider: 'AFP' }],
    ['Photo: Jane Doe for Reuters', { creator: 'Jane Doe', provider: 'Reuters' }],
    ['Photo: Jane Doe / Reuters', { creator: 'Jane Doe', provider: 'Reuters' }],
    ['Photo by Jane Doe', { creator: 'Jane Doe' }],
    ['Photo by Jane Doe for The New York Times', { creator: 'Jane Doe', provider: 'The New York Times' }],
    ['Photograph by J. R. Smith', { creator: 'J. R. Smith' }],
    ['Picture: Getty Images', { provider: 'Getty Images' }],
    ['Handout / AFP', { creator: 'Handout', provider: 'AFP' }],
    ['Kevin Dietsch/Getty Images/AFP', { creator: 'Kevin Dietsch', provider: 'Getty Images/AFP' }],
    ['Photo: Courtesy of the family', { provider: 'Courtesy of the family' }],
  ])('reads %j', (text, credit) => {
    expect(parseCredit(text)).toEqual(credit)
  })

  it.each([
    '',
    'Reuters',
    '(Reuters)',
    'fighting for peace',
    'and/or',
    'Photo:',
    'Photo by',
    'Photo by residents, who said the strike hit at dawn',
    'The talks in Damascus and Tel Aviv/Jerusalem were held in secret over many weeks',
  ])('returns null for %j, which is not a credit', (text) => {
    expect(parseCredit(text)).toBeNull()
  })
})

describe('formatCreditLine', () => {
  it.each([
    // The house styles: photographer and agency, agency only, staff (no agency), handout, courtesy.
    [{ creator: 'Abdulaziz KETAZ', provider: 'AFP' }, 'Abdulaziz KETAZ / AFP'],
    [{ provider: 'AFP' }, 'AFP'],
    [{ creator: 'Abdulaziz KETAZ', provider: null }, 'Abdulaziz KETAZ'],
    [{ provider: 'Courtesy of Jane Doe' }, 'Courtesy of Jane Doe'],
    [{ creator: 'Abdulaziz KETAZ' }, 'Abdulaziz KETAZ'],
    [{ creator: 'Handout', provider: 'AFP' }, 'Handout / AFP'],
    [{ provider: 'Courtesy of the family' }, 'Courtesy of the family'],
    [{ creator: 'Jane Doe', provider: 'Courtesy of the family' }, 'Jane Doe / Courtesy of the family'],
    [{ creator: 'AFP', provider: 'afp' }, 'afp'],
    [{ creator: '  Abdulaziz KETAZ ', provider: ' AFP  ' }, 'Abdulaziz KETAZ / AFP'],
    [{ creator: 'Abdulaziz KETAZ', provider: 'AFP', line: 'AFP via Getty Images' }, 'AFP via Getty Images'],
    [{ creator: 'Abdulaziz KETAZ', provider: 'AFP', line: '   ' }, 'Abdulaziz KETAZ / AFP'],
    [{ creator: null, provider: 'AFP', line: null }, 'AFP'],
    [{ creator: ' ', provider: '' }, ''],
    [{}, ''],
  ])('prints %j as %j', (credit, line) => {
    expect(formatCreditLine(credit)).toBe(line)
  })
})

describe('creditLine', () => {
  it('prints the credit a document carries, or "" when it has none', () => {
    expect(creditLine({ credit: { creator: 'Jane Doe', provider: 'Reuters' } })).toBe('Jane Doe / Reuters')
    expect(creditLine({ credit: null })).toBe('')
    expect(creditLine({})).toBe('')
  })
})

describe('namedCreator', () => {
  it.each([
    [{ creator: 'Abdulaziz KETAZ', provider: 'AFP' }, 'Abdulaziz KETAZ'],
    [{ creator: '  Jane Doe ' }, 'Jane Doe'],
    [{ creator: 'Handout', provider: 'AFP' }, null],
    [{ creator: 'handout photo' }, null],
    [{ creator: 'STRINGER' }, null],
    [{ creator: 'AFP', provider: 'afp' }, null],
    [{ provider: 'AFP' }, null],
    [{ creator: '   ' }, null],
  ])('names %j as %j', (credit, name) => {
    expect(namedCreator({ credit })).toBe(name)
  })

  it('is null without a credit', () => expect(namedCreator({})).toBeNull())
})

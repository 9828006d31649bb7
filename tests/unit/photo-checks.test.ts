import { describe, expect, it } from 'vitest'
import { idOf } from '@/lib/content/populated'
import { describeMissing, missingPhotoFields, publishRefusal, publishWarning, uploadIdsInLexical } from '@/lib/photos/checks'

describe('missingPhotoFields', () => {
  it.each([
    [{ alt: 'Boats', credit: { creator: 'Jane Doe' } }, []],
    [{ alt: 'Boats', credit: { provider: 'AFP' } }, []],
    [{ alt: 'Boats', credit: { line: 'Pool photo' } }, []],
    [{ alt: 'Boats', credit: { creator: ' ', provider: '', line: null } }, ['credit']],
    [{ alt: 'Boats', credit: null }, ['credit']],
    [{ alt: '  ', credit: { provider: 'AFP' } }, ['alt']],
    [{ credit: {} }, ['alt', 'credit']],
  ] as const)('%j lacks %j', (photo, missing) => {
    expect(missingPhotoFields(photo)).toEqual(missing)
  })
})

describe('messages', () => {
  const photo = { id: 12, filename: 'harbour.jpg' }

  it('name the photo, where it is and what it lacks', () => {
    expect(publishRefusal(photo, 'lead', ['credit'])).toBe(
      'Cannot publish: the lead image "harbour.jpg" (media 12) has no credit — add a photographer or agency.',
    )
    expect(publishRefusal(photo, 'lead', ['alt'])).toBe(
      'Cannot publish: the lead image "harbour.jpg" (media 12) has no alt text — describe what the photo shows.',
    )
    expect(publishRefusal({ id: 3, filename: 'x.webp' }, 'body', ['alt', 'credit'])).toBe(
      'Cannot publish: the photo "x.webp" (media 3) in the body has no alt text and no credit — add alt text and a photographer or agency.',
    )
    expect(publishRefusal({ id: 4 }, 'lead', ['credit'])).toBe('Cannot publish: the lead image (media 4) has no credit — add a photographer or agency.')
    expect(describeMissing(['credit'])).toBe('has no credit — add a photographer or agency')
  })

  it('warn before publishing', () => {
    expect(publishWarning(['credit'])).toBe('This photo has no credit — publishing will be refused.')
    expect(publishWarning(['alt'])).toBe('This photo has no alt text — publishing will be refused.')
    expect(publishWarning(['alt', 'credit'])).toBe('This photo has no alt text and no credit — publishing will be refused.')
  })
})

describe('uploadIdsInLexical', () => {
  const upload = (value: unknown, relationTo = 'media') => ({ type: 'upload', relationTo, value, fields: null, format: '', id: 'x', version: 3 })
  const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children, version: 1 })

  it('finds uploads anywhere in the tree, in order, once each, populated or not', () => {
    const body = {
      root: {
        type: 'root',
        children: [
          paragraph({ type: 'text', text: 'Hello' }),
          upload(5),
          { type: 'list', children: [{ type: 'listitem', children: [upload({ id: 7, alt: 'x' })] }] },
          upload(5),
          upload('abc'),
          upload(9, 'documents'),
          upload(null),
        ],
      },
    }
    expect(uploadIdsInLexical(body)).toEqual([5, 7, 'abc'])
  })

  it('is empty for no body, or a body that is not Lexical', () => {
    expect(uploadIdsInLexical(null)).toEqual([])
    expect(uploadIdsInLexical('text')).toEqual([])
    expect(uploadIdsInLexical({ root: { children: 'nope' } })).toEqual([])
  })

  it('idOf reads bare and populated ids', () => {
    expect(idOf(3)).toBe(3)
    expect(idOf('66a1')).toBe('66a1')
    expect(idOf({ id: 4 })).toBe(4)
    expect(idOf('')).toBeNull()
    expect(idOf(undefined)).toBeNull()
  })
})

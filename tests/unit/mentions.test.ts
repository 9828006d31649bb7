import { expect, it } from 'vitest'
import { emailHandle, mentionHandles } from '@/lib/text/mentions'

it('finds @handles at the start, after spaces and brackets, lowercased and without repeats', () => {
  expect(mentionHandles('@Nadia can you look? cc @omar.k, (@layla) and @nadia again.')).toEqual(['nadia', 'omar.k', 'layla'])
  expect(mentionHandles('Ask @Łukasz-W.')).toEqual(['łukasz-w'])
})

it('does not take an email address or a lone @ for a mention', () => {
  expect(mentionHandles('Write to ahmed@example.org or @ the desk')).toEqual([])
  expect(mentionHandles('')).toEqual([])
})

it('takes the part of an email address before the @ as its handle', () => {
  expect(emailHandle('Nadia@masthead.test')).toBe('nadia')
  expect(emailHandle('odd@name@masthead.test')).toBe('odd@name')
})

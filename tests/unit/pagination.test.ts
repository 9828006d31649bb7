import { expect, it } from 'vitest'
import { listingPath, pagedTitle, pageNumber } from '@/lib/content/pagination'

it('reads positive whole page numbers and nothing else', () => {
  expect(pageNumber('1')).toBe(1)
  expect(pageNumber('500')).toBe(500)
  for (const segment of ['0', '-1', '01', '1.5', 'two', '', '1e3', '9999999']) expect(pageNumber(segment), segment).toBeNull()
})

it('builds listing URLs, page 1 being the listing itself', () => {
  expect(listingPath('/', 1)).toBe('/')
  expect(listingPath('/', 2)).toBe('/page/2')
  expect(listingPath('/tags/labour', 1)).toBe('/tags/labour')
  expect(listingPath('/tags/labour', 3)).toBe('/tags/labour/page/3')
})

it('titles older pages with their number', () => {
  expect(pagedTitle('Latest news', 1)).toBe('Latest news')
  expect(pagedTitle('Tagged “labour”', 3)).toBe('Tagged “labour”, page 3')
})

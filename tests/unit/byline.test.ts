import { h } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { expect, it } from 'vitest'
import type { Article, Author } from '@/payload-types'
import { ArticleCard } from '@/reader/components/ArticleCard'
import { Byline } from '@/reader/components/Byline'

const author = (id: number, name: string) => ({ id, name, slug: `a${id}` }) as Author
const article = {
  id: 1,
  title: 'Talks resume',
  slug: 'talks-resume',
  publishedAt: '2025-06-30T08:00:00.000Z',
  updatedAt: '2025-06-30T08:00:00.000Z',
  // A blank name (an author being set up) and an unreadable one (a bare id) are left out, as in JSON-LD.
  authors: [author(1, 'Ahmed Mohammed'), author(2, '  '), 3, author(4, 'Lina Haddad')],
} as unknown as Article

it('the byline names only the authors JSON-LD names', () => {
  const html = renderToString(h(Byline, { article }))
  expect(html).toContain('By <span><a href="/authors/a1" rel="author">Ahmed Mohammed</a></span>')
  expect(html).toContain(' and <a href="/authors/a4" rel="author">Lina Haddad</a>')
  expect(html).not.toContain('/authors/a2')
})

it('a card lists the same authors', () => {
  const html = renderToString(h(ArticleCard, { article }))
  expect(html).toContain('Ahmed Mohammed, Lina Haddad')
})

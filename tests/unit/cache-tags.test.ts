import { describe, expect, it } from 'vitest'
import { TAGS, tagsForArticle } from '@/lib/content/cache-tags'

describe('tagsForArticle', () => {
  it('names every page that shows the article', () => {
    expect(
      tagsForArticle({ slug: 'talks', section: 'world', tagSlugs: ['syria', 'diplomacy'], authors: [7, { id: 9 }] }).sort(),
    ).toEqual(['article:talks', 'articles:latest', 'author:7', 'author:9', 'section:world', 'tag:diplomacy', 'tag:syria'])
  })

  it('includes the old URL, section, tags and authors when they changed', () => {
    const tags = tagsForArticle(
      { slug: 'new-slug', section: 'politics', tagSlugs: ['a'], authors: [1] },
      { slug: 'old-slug', section: 'world', tagSlugs: ['b'], authors: [2] },
    )
    expect(tags).toEqual(
      expect.arrayContaining([TAGS.article('old-slug'), TAGS.article('new-slug'), TAGS.section('world'), TAGS.tag('b'), TAGS.author(2)]),
    )
  })

  it('always includes the latest listings, and skips missing versions', () => {
    expect(tagsForArticle(null, undefined)).toEqual([TAGS.latest])
  })
})

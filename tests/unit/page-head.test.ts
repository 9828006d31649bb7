import { describe, expect, it } from 'vitest'
import { articleHead, authorHead, documentTitle, simpleHead } from '@/lib/seo/page-head'
import { ORIGIN, SITE, article, author, media } from './support/reader-fixtures'

const meta = (head: { meta: { property?: string; name?: string; content: string }[] }, key: string) =>
  head.meta.filter((tag) => (tag.property ?? tag.name) === key).map((tag) => tag.content)

describe('articleHead', () => {
  it('describes the story for search engines and social networks', () => {
    const head = articleHead(article(), SITE)
    expect(head.title).toBe('Ceasefire holds in Damascus suburbs · Masthead')
    expect(head.description).toBe('A fragile truce entered its second day.')
    expect(head.canonical).toBe(`${ORIGIN}/articles/ceasefire-holds-in-damascus-suburbs`)
    expect(head.noindex).toBeUndefined()
    expect(meta(head, 'og:type')).toEqual(['article'])
    expect(meta(head, 'og:url')).toEqual([head.canonical])
    expect(meta(head, 'og:image')).toEqual([`${ORIGIN}/api/media/file/damascus-1200x630.webp`])
    expect(meta(head, 'og:image:width')).toEqual(['1200'])
    expect(meta(head, 'og:image:alt')).toEqual([media().alt])
    expect(meta(head, 'article:published_time')).toEqual(['2025-06-30T10:00:00.000Z'])
    expect(meta(head, 'article:author')).toEqual([`${ORIGIN}/authors/ahmed-mohammed`])
    expect(meta(head, 'article:section')).toEqual(['World'])
    expect(meta(head, 'article:tag')).toEqual(['Syria', 'Ceasefire'])
    expect(meta(head, 'twitter:card')).toEqual(['summary_large_image'])
    expect(head.jsonLd.map((data) => data['@type'])).toEqual(['NewsArticle', 'BreadcrumbList', 'NewsMediaOrganization'])
    expect(head.jsonLd[1]).toMatchObject({
      itemListElement: [
        { position: 1, name: 'Masthead', item: `${ORIGIN}/` },
        { position: 2, name: 'World', item: `${ORIGIN}/sections/world` },
        { position: 3, name: 'Ceasefire holds in Damascus suburbs', item: head.canonical },
      ],
    })
  })

  it('carries the article’s language, and an encoded canonical URL', () => {
    const head = articleHead(article({ language: 'ar', slug: 'محادثات-هادئة' }), SITE)
    expect(head.language).toBe('ar')
    expect(head.canonical).toBe(`${ORIGIN}/articles/${encodeURIComponent('محادثات-هادئة')}`)
    expect(head.jsonLd[0]).toMatchObject({ inLanguage: 'ar', url: head.canonical })
    expect(articleHead(article({ language: null }), SITE).language).toBe('en')
  })

  it('leaves out what the story lacks instead of printing empty tags', () => {
    const head = articleHead(article({ standfirst: '  ', leadImage: null, tags: [], section: null }), SITE)
    expect(head.description).toBeUndefined()
    expect(meta(head, 'og:image')).toEqual([])
    expect(meta(head, 'og:description')).toEqual([])
    expect(meta(head, 'article:section')).toEqual([])
    expect(meta(head, 'twitter:card')).toEqual(['summary'])
    expect(head.meta.every((tag) => tag.content !== '')).toBe(true)
    expect(head.jsonLd[1]).toMatchObject({ itemListElement: [{ name: 'Masthead' }, { name: 'Ceasefire holds in Damascus suburbs' }] })
  })
})

describe('listing and profile heads', () => {
  it('titles and canonicalises listings; the front page is the site name alone', () => {
    expect(documentTitle(SITE)).toBe('Masthead')
    const home = simpleHead(SITE, { path: '/' })
    expect(home).toMatchObject({ title: 'Masthead', canonical: `${ORIGIN}/`, description: 'News from the Masthead newsroom.' })
    const tag = simpleHead(SITE, { title: 'Tagged “Syria”, page 2', path: '/tags/syria/page/2' })
    expect(tag.title).toBe('Tagged “Syria”, page 2 · Masthead')
    expect(meta(tag, 'og:url')).toEqual([`${ORIGIN}/tags/syria/page/2`])
  })

  it('marks error pages noindex, with no canonical and no social cards', () => {
    const missing = simpleHead(SITE, { title: 'Page not found', noindex: true })
    expect(missing).toMatchObject({ noindex: true, canonical: undefined, meta: [] })
  })

  it('describes an author as a profile, by bio or by job title', () => {
    const profile = authorHead(author(), SITE, 1)
    expect(profile.title).toBe('Ahmed Mohammed · Masthead')
    expect(profile.canonical).toBe(`${ORIGIN}/authors/ahmed-mohammed`)
    expect(meta(profile, 'og:type')).toEqual(['profile'])
    expect(authorHead(author({ bio: null, jobTitle: 'Correspondent' }), SITE, 3)).toMatchObject({
      title: 'Ahmed Mohammed, page 3 · Masthead',
      description: 'Correspondent by Ahmed Mohammed',
      canonical: `${ORIGIN}/authors/ahmed-mohammed/page/3`,
    })
  })
})

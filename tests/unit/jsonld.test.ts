import { describe, expect, it } from 'vitest'
import { articleJsonLd, breadcrumbJsonLd, imageObjectJsonLd, jsonLdScript } from '@/lib/seo/jsonld'
import { ORIGIN, SITE, article, author, media } from './support/reader-fixtures'

const site = { ...SITE, logoUrl: '/logo.png' }

/** Every value in the tree, to check that nothing empty leaked into the output. */
function leaves(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.length === 0 ? [value] : value.flatMap(leaves)
  if (value !== null && typeof value === 'object') {
    const entries = Object.values(value)
    return entries.length === 0 ? [value] : entries.flatMap(leaves)
  }
  return [value]
}

describe('articleJsonLd', () => {
  it('describes a fully populated article', () => {
    expect(articleJsonLd(article(), site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Ceasefire holds in Damascus suburbs',
      description: 'A fragile truce entered its second day.',
      url: 'https://news.example/articles/ceasefire-holds-in-damascus-suburbs',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/articles/ceasefire-holds-in-damascus-suburbs' },
      datePublished: '2025-06-30T10:00:00.000Z',
      inLanguage: 'en',
      // Never updatedAt: nothing significant changed since publication.
      dateModified: '2025-06-30T10:00:00.000Z',
      author: [
        { '@type': 'Person', name: 'Ahmed Mohammed', url: 'https://news.example/authors/ahmed-mohammed', jobTitle: 'Correspondent' },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        '@id': 'https://news.example/#organization',
        name: 'Masthead',
        url: 'https://news.example/',
        logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png' },
      },
      image: {
        '@type': 'ImageObject',
        contentUrl: 'https://news.example/api/media/file/damascus.webp',
        url: 'https://news.example/api/media/file/damascus.webp',
        width: { '@type': 'QuantitativeValue', value: 3000, unitCode: 'E37' },
        height: { '@type': 'QuantitativeValue', value: 2000, unitCode: 'E37' },
        encodingFormat: 'image/webp',
        caption: 'Rescuers at the scene on Monday.',
        creditText: 'Abdulaziz KETAZ / AFP',
        creator: { '@type': 'Person', name: 'Abdulaziz KETAZ' },
        copyrightNotice: '© AFP 2025',
        license: 'https://www.afp.com/en/terms',
      },
      articleSection: 'world',
      keywords: ['Syria', 'Ceasefire'],
      dateline: 'Damascus',
      locationCreated: { '@type': 'Place', name: 'Damascus' },
    })
  })

  it('skips unpopulated relationships and omits absent fields entirely', () => {
    const bare = article({
      standfirst: null,
      authors: [12, author({ id: 4, name: 'Jane Doe', slug: null, jobTitle: '' })],
      leadImage: 7,
      section: null,
      tags: [],
      dateline: '  ',
    })
    const ld = articleJsonLd(bare, SITE)
    expect(ld.author).toEqual([{ '@type': 'Person', name: 'Jane Doe' }])
    expect(ld.publisher).toEqual({ '@type': 'NewsMediaOrganization', '@id': 'https://news.example/#organization', name: 'Masthead', url: 'https://news.example/' })
    for (const key of ['description', 'image', 'articleSection', 'keywords', 'dateline', 'locationCreated', 'correction']) {
      expect(ld).not.toHaveProperty(key)
    }
    for (const leaf of leaves(ld)) {
      expect(leaf).not.toBeUndefined()
      expect(leaf).not.toBeNull()
      expect(leaf).not.toBe('')
    }
    // JSON round trip loses nothing: no undefined values hiding in the object.
    expect(JSON.parse(JSON.stringify(ld))).toEqual(ld)
  })

  it('leaves out url and mainEntityOfPage for an article without a slug', () => {
    const ld = articleJsonLd(article({ slug: null, authors: null }), site)
    expect(ld).not.toHaveProperty('url')
    expect(ld).not.toHaveProperty('mainEntityOfPage')
    expect(ld).not.toHaveProperty('author')
  })

  it('says the article’s own language', () => {
    expect(articleJsonLd(article({ language: 'ar' }), site).inLanguage).toBe('ar')
  })
})

describe('imageObjectJsonLd', () => {
  it.each(['Handout', 'handout photo', 'Pool', 'STRINGER', 'Staff', 'AFP'])('names no creator for "%s"', (creator) => {
    const image = imageObjectJsonLd(media({ credit: { creator, provider: 'AFP' } }), ORIGIN)
    expect(image).not.toHaveProperty('creator')
    expect(image?.creditText).toBe(creator.toLowerCase() === 'afp' ? 'AFP' : `${creator} / AFP`)
  })

  it('credits a provider alone, with no creator', () => {
    const image = imageObjectJsonLd(media({ credit: { provider: 'Reuters' } }), ORIGIN)
    expect(image).toMatchObject({ creditText: 'Reuters' })
    expect(image).not.toHaveProperty('creator')
    expect(image).not.toHaveProperty('license')
    expect(image).not.toHaveProperty('copyrightNotice')
  })

  it('keeps an absolute URL from object storage as is', () => {
    const image = imageObjectJsonLd(media({ url: 'https://cdn.example/x.webp' }), ORIGIN)
    expect(image?.contentUrl).toBe('https://cdn.example/x.webp')
  })

  it('is null for a media document without a file URL', () => {
    expect(imageObjectJsonLd(media({ url: null }), ORIGIN)).toBeNull()
  })
})

describe('breadcrumbJsonLd', () => {
  it('numbers the items from 1 and allows the current page without a URL', () => {
    expect(
      breadcrumbJsonLd([
        { name: 'Home', url: 'https://news.example/' },
        { name: 'World', url: 'https://news.example/sections/world' },
        { name: 'Ceasefire holds' },
      ]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://news.example/' },
        { '@type': 'ListItem', position: 2, name: 'World', item: 'https://news.example/sections/world' },
        { '@type': 'ListItem', position: 3, name: 'Ceasefire holds' },
      ],
    })
  })
})

describe('jsonLdScript', () => {
  const hostile = '</script><script>alert(1)</script><!-- & \u2028'
  const ld = articleJsonLd(article({ title: hostile, standfirst: '</SCRIPT >x' }), site)
  const script = jsonLdScript(ld)

  it('cannot close the script element or open a comment', () => {
    expect(script).not.toMatch(/<\/script/i)
    expect(script).not.toMatch(/[<>]/)
    expect(script).not.toContain('<!--')
    expect(script).toContain('\\u003c/script\\u003e')
  })

  it('still parses back to exactly the same data', () => {
    expect(JSON.parse(script)).toEqual(ld)
    expect(JSON.parse(script).headline).toBe(hostile)
  })

  it('stays inside one script element when embedded in HTML', () => {
    const html = `<script type="application/ld+json">${script}</script>`
    expect(html.match(/<\/script/gi)).toHaveLength(1)
    expect(html.match(/<script/gi)).toHaveLength(1)
  })
})

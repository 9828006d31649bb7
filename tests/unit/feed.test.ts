import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { buildRssFeed } from '@/lib/seo/feed'
import { ORIGIN, article, author, media } from './support/reader-fixtures'

const options = { origin: ORIGIN, title: 'Masthead', description: 'News from Masthead', language: 'en-GB' }

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ['item', 'category', 'dc:creator'].includes(name),
})

interface Parsed {
  rss: Record<string, string> & {
    channel: Record<string, unknown> & { item?: Record<string, any>[] }
  }
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true)
  return parser.parse(xml) as Parsed
}

describe('buildRssFeed', () => {
  const xml = buildRssFeed([article()], options)
  const { rss } = parse(xml)
  const item = rss.channel.item?.[0] ?? {}

  it('is RSS 2.0 with the Media RSS and Dublin Core namespaces declared on <rss>', () => {
    expect(rss['@version']).toBe('2.0')
    expect(rss['@xmlns:media']).toBe('http://search.yahoo.com/mrss/')
    expect(rss['@xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/')
    expect(xml.match(/xmlns:media=/g)).toHaveLength(1)
  })

  it('describes the channel', () => {
    expect(rss.channel).toMatchObject({
      title: 'Masthead',
      link: 'https://news.example/',
      description: 'News from Masthead',
      language: 'en-GB',
      // Deterministic: the newest article's update, not the clock.
      lastBuildDate: 'Mon, 30 Jun 2025 12:30:00 GMT',
      'atom:link': { '@href': 'https://news.example/feed.xml', '@rel': 'self', '@type': 'application/rss+xml' },
    })
    expect(rss.channel).not.toHaveProperty('generator')
  })

  it('writes each article as an item', () => {
    expect(item).toMatchObject({
      title: 'Ceasefire holds in Damascus suburbs',
      link: 'https://news.example/articles/ceasefire-holds-in-damascus-suburbs',
      guid: { '#text': 'https://news.example/articles/ceasefire-holds-in-damascus-suburbs', '@isPermaLink': 'true' },
      description: 'A fragile truce entered its second day.',
      pubDate: 'Mon, 30 Jun 2025 10:00:00 GMT',
      'dc:creator': ['Ahmed Mohammed'],
    })
    expect(item.category).toEqual(['World', 'Syria', 'Ceasefire'])
    expect(item).not.toHaveProperty('author')
  })

  it('carries the lead image as Media RSS, with its credit and caption', () => {
    // (trimValues is off, so the element's indentation also reads as text: hence toMatchObject.)
    expect(item['media:content']).toMatchObject({
      '@url': 'https://news.example/api/media/file/damascus-1200x630.webp',
      '@medium': 'image',
      '@type': 'image/webp',
      '@width': '1200',
      '@height': '630',
      '@fileSize': '90000',
      'media:credit': { '#text': 'Abdulaziz KETAZ / AFP', '@role': 'photographer', '@scheme': 'urn:ebu' },
      'media:description': { '#text': 'Rescuers at the scene on Monday.', '@type': 'plain' },
    })
  })

  it('falls back to the hero, then the original, when the social size was not generated', () => {
    const noSocial = media({ sizes: { ...media().sizes, social: { url: null, width: null, height: null } } })
    const hero = parse(buildRssFeed([article({ leadImage: noSocial })], options)).rss.channel.item?.[0]
    expect(hero?.['media:content']['@url']).toBe('https://news.example/api/media/file/damascus-1600x1067.webp')
    const original = parse(buildRssFeed([article({ leadImage: media({ sizes: {} }) })], options)).rss.channel.item?.[0]
    expect(original?.['media:content']).toMatchObject({
      '@url': 'https://news.example/api/media/file/damascus.webp',
      '@width': '3000',
      '@height': '2000',
    })
  })

  it('keeps awkward text exactly as written and stays well-formed', () => {
    const title = `Tom & Jerry's "<b>quotes</b>" ]]> and &amp; ]]>`
    const credit = 'Smith & Sons <Agency> "Photo"'
    const xmlWithHostileText = buildRssFeed(
      [
        article({
          title,
          standfirst: 'Profits < costs & "margins" <script>alert(1)</script>',
          tags: ['R&D', '<tag>'],
          authors: [author({ name: 'O\'Brien & "Co"' })],
          leadImage: media({
            caption: 'Caption with ]]> and <i>tags</i> & a control char\u0001',
            credit: { line: credit },
            sizes: { social: { url: '/api/media/file/a&b"<c>.webp?x=1&y=2', width: 1200, height: 630, mimeType: 'image/webp' } },
          }),
        }),
      ],
      { ...options, title: 'Masthead & Co <News>' },
    )
    const hostile = parse(xmlWithHostileText).rss
    const entry = hostile.channel.item?.[0] ?? {}
    expect(hostile.channel.title).toBe('Masthead & Co <News>')
    expect(entry.title).toBe(title)
    // RSS descriptions are HTML: the plain-text standfirst is HTML-escaped, so it reads back as itself.
    expect(entry.description).toBe('Profits &lt; costs &amp; &quot;margins&quot; &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(entry.category).toEqual(['World', 'R&D', '<tag>'])
    expect(entry['dc:creator']).toEqual(['O\'Brien & "Co"'])
    expect(entry['media:content']['@url']).toBe('https://news.example/api/media/file/a&b"<c>.webp?x=1&y=2')
    expect(entry['media:content']['media:credit']['#text']).toBe(credit)
    expect(entry['media:content']['media:description']['#text']).toBe('Caption with ]]> and <i>tags</i> & a control char')
    expect(xmlWithHostileText).not.toContain('<script>')
  })

  it('lists every author, skipping unpopulated ones, and omits what an article lacks', () => {
    const xml2 = buildRssFeed(
      [article({ authors: [9, author(), author({ id: 4, name: 'Jane Doe' })], leadImage: 5, standfirst: null, section: null, tags: null })],
      options,
    )
    const entry = parse(xml2).rss.channel.item?.[0] ?? {}
    expect(entry['dc:creator']).toEqual(['Ahmed Mohammed', 'Jane Doe'])
    expect(entry).not.toHaveProperty('media:content')
    expect(entry).not.toHaveProperty('description')
    expect(entry).not.toHaveProperty('category')
  })

  it('uses the alt text when a photo has no caption, and leaves out an empty credit', () => {
    const xml2 = buildRssFeed([article({ leadImage: media({ caption: null, credit: {} }) })], options)
    const content = parse(xml2).rss.channel.item?.[0]?.['media:content']
    expect(content['media:description']['#text']).toBe('Men carry a wounded child through a street in Damascus')
    expect(content).not.toHaveProperty('media:credit')
  })

  it('skips articles that have no slug or publication date, keeping the given order', () => {
    const xml2 = buildRssFeed(
      [
        article({ slug: 'second', title: 'Second' }),
        article({ slug: null }),
        article({ publishedAt: null }),
        article({ slug: 'first', title: 'First' }),
      ],
      options,
    )
    expect(parse(xml2).rss.channel.item?.map((i) => i.title)).toEqual(['Second', 'First'])
  })

  it('names the language of an item written in another language than the channel', () => {
    const items = parse(buildRssFeed([article({ language: 'ar', title: 'محادثات هادئة', slug: 'محادثات-هادئة' }), article({ id: 2, language: 'en-GB' })], options)).rss.channel.item ?? []
    expect(items[0]?.['dc:language']).toBe('ar')
    expect(items[0]?.link).toBe(`https://news.example/articles/${encodeURIComponent('محادثات-هادئة')}`)
    expect(items[1]).not.toHaveProperty('dc:language')
  })

  it('is a valid empty channel with no articles', () => {
    const empty = parse(buildRssFeed([], { ...options, updated: new Date('2025-07-01T00:00:00Z') })).rss
    expect(empty.channel.item ?? []).toEqual([])
    expect(empty.channel.lastBuildDate).toBe('Tue, 01 Jul 2025 00:00:00 GMT')
  })
})

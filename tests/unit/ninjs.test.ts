import { readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { articleNinjs, type Ninjs } from '@/lib/seo/ninjs'
import { ninjsToArticle } from '@/seed/ninjs'
import { ORIGIN, SITE, article } from './support/reader-fixtures'

// The vendored schema (transcribed from IPTC's ninjs 2.1: see its title and the README).
const schema = JSON.parse(readFileSync(path.join(process.cwd(), 'lib/seo/ninjs-schema-2.1.json'), 'utf8'))
const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
const validate = ajv.compile(schema)

function expectValid(value: unknown) {
  const valid = validate(value)
  expect(validate.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

const corrected = article({
  kind: 'analysis',
  corrections: [{ type: 'correction', date: '2025-07-02T09:00:00.000Z', text: 'An earlier version misnamed the town.' }],
})
const site = { ...SITE, policies: { corrections: '/about/corrections' } }
const html = '<p>First paragraph, with <a href="/articles/other">a link</a>.</p><p>Second.</p>'

describe('articleNinjs', () => {
  const ninjs = articleNinjs(corrected, site, html)

  it('is valid ninjs 2.1', () => {
    expectValid(ninjs)
  })

  it('carries the story, its dates, byline, dateline, subjects and label', () => {
    expect(ninjs).toMatchObject({
      uri: 'urn:masthead:news.example:article:1',
      standard: { name: 'ninjs', version: '2.1' },
      type: 'text',
      pubstatus: 'usable',
      language: 'en',
      firstcreated: '2025-06-30T10:00:00.000Z',
      versioncreated: '2025-06-30T12:30:00.000Z',
      headlines: [{ role: 'main', value: 'Ceasefire holds in Damascus suburbs' }],
      by: 'Ahmed Mohammed',
      located: 'Damascus',
      genres: [{ name: 'Analysis', literal: 'analysis' }],
      copyrightholder: 'Masthead',
      altids: [{ role: 'canonical-url', value: `${ORIGIN}/articles/ceasefire-holds-in-damascus-suburbs` }],
      trustindicators: [{ role: 'https://schema.org/correctionsPolicy', title: 'Corrections policy', href: `${ORIGIN}/about/corrections` }],
    })
    expect(ninjs.descriptions).toEqual([
      { role: 'summary', value: 'A fragile truce entered its second day.' },
      { role: 'correction', value: '2025-07-02: An earlier version misnamed the town.' },
    ])
    expect(ninjs.subjects?.map((subject) => [subject.rel, subject.name])).toEqual([['section', 'World'], ['tag', 'Syria'], ['tag', 'Ceasefire']])
  })

  it('gives the body as HTML with absolute links, and counts its words', () => {
    expect(ninjs.bodies).toEqual([
      {
        role: 'main',
        contenttype: 'text/html',
        value: `<p>First paragraph, with <a href="${ORIGIN}/articles/other">a link</a>.</p><p>Second.</p>`,
        charcount: 'First paragraph, with a link. Second.'.length,
        wordcount: 6,
      },
    ])
  })

  it('associates the lead photo with its renditions, creator, credit line, copyright and terms', () => {
    const [picture] = ninjs.associations ?? []
    expect(picture).toMatchObject({
      name: 'leadimage',
      uri: 'urn:masthead:news.example:picture:7',
      type: 'picture',
      by: 'Abdulaziz KETAZ',
      copyrightholder: 'AFP',
      copyrightnotice: '© AFP 2025',
      usageterms: 'Licensed under https://www.afp.com/en/terms',
      descriptions: [
        { role: 'alt', value: 'Men carry a wounded child through a street in Damascus' },
        { role: 'creditline', value: 'Abdulaziz KETAZ / AFP' },
      ],
    })
    expect(picture?.renditions?.map((rendition) => rendition.name)).toEqual(['original', 'hero', 'social', 'thumbnail'])
    expect(picture?.renditions?.[0]).toEqual({ name: 'original', href: `${ORIGIN}/api/media/file/damascus.webp`, contenttype: 'image/webp', width: 3000, height: 2000, sizeinbytes: 512000 })
  })

  it('stays valid with nothing optional filled in', () => {
    const bare = articleNinjs(article({ standfirst: null, authors: [], leadImage: null, tags: null, section: null, dateline: null }), SITE, '')
    expectValid(bare)
    for (const key of ['bodies', 'by', 'located', 'subjects', 'associations', 'trustindicators']) expect(bare).not.toHaveProperty(key)
  })

  it('is what the schema refuses when broken (the schema can fail)', () => {
    expect(validate({ headlines: [{ value: 'No uri' }] })).toBe(false)
    expect(validate({ ...ninjs, pubstatus: 'published' })).toBe(false)
    expect(validate({ ...ninjs, headline: 'typo' })).toBe(false)
    expect(validate({ ...ninjs, associations: [{ uri: 'urn:x:1' }] })).toBe(false)
  })
})

describe('ninjsToArticle', () => {
  it('reads our own output back into the importer’s article', () => {
    const ninjs: Ninjs = articleNinjs(corrected, site, html)
    expect(ninjsToArticle(ninjs, 'story.ninjs.json')).toEqual({
      title: 'Ceasefire holds in Damascus suburbs',
      authors: ['Ahmed Mohammed'],
      publishedDate: '2025-06-30',
      standfirst: 'A fragile truce entered its second day.',
      paragraphs: ['First paragraph, with a link.', 'Second.'],
      slug: 'ceasefire-holds-in-damascus-suburbs',
      language: 'en',
      photo: {
        caption: 'Rescuers at the scene on Monday.',
        alt: 'Men carry a wounded child through a street in Damascus',
        credit: { line: 'Abdulaziz KETAZ / AFP', creator: 'Abdulaziz KETAZ', provider: 'AFP' },
      },
    })
  })

  it('reads an agency’s plain ninjs: text bodies, a byline, no photo', () => {
    const agency: Ninjs = {
      uri: 'urn:newsml:agency.example:20250701:1234',
      type: 'text',
      language: 'fr',
      versioncreated: '2025-07-01T08:00:00Z',
      headlines: [{ value: 'Le port rouvre' }],
      by: 'Marie Dupont and Karim Haddad',
      bodies: [{ contenttype: 'text/plain', value: 'Le port a rouvert lundi. Les navires attendaient.\n\nDeuxième paragraphe.' }],
    }
    expectValid(agency)
    expect(ninjsToArticle(agency, 'agency.json')).toMatchObject({
      title: 'Le port rouvre',
      authors: ['Marie Dupont', 'Karim Haddad'],
      publishedDate: '2025-07-01',
      standfirst: 'Le port a rouvert lundi.',
      paragraphs: ['Le port a rouvert lundi. Les navires attendaient.', 'Deuxième paragraphe.'],
      slug: 'le-port-rouvre',
      language: 'fr',
    })
  })

  it('refuses ninjs it cannot import, saying what is missing', () => {
    expect(() => ninjsToArticle({ uri: 'urn:x' } as Ninjs, 'empty.json')).toThrow('empty.json:1: a ninjs article needs a headline')
    expect(() => ninjsToArticle({ uri: 'urn:x', headlines: [{ value: 'T' }] } as Ninjs, 'nobody.json')).toThrow('nobody.json:1: a ninjs article needs a body')
    expect(() => ninjsToArticle({ uri: 'urn:x', headlines: [{ value: 'T' }], bodies: [{ value: 'x' }] } as Ninjs, 'x.json')).toThrow('x.json:1: a ninjs article needs a byline ("by")')
    expect(() => ninjsToArticle({ uri: 'urn:x', type: 'picture' } as Ninjs, 'p.json')).toThrow('p.json:1: only ninjs text items can be imported (this is a picture)')
  })
})

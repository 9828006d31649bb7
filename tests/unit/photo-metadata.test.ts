import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  EMPTY_EMBEDDED,
  type EmbeddedMetadata,
  embeddedFromTags,
  fillFromEmbedded,
  iptcDate,
  normalizeDate,
  type PhotoFields,
  readEmbeddedMetadata,
  unreadableBlocks,
} from '@/lib/photos/metadata'
import { agencyXmp, CAMERA_EXIF, garbage, jpegWith, jpegWithBrokenMetadata, spliceSegment, webpWith } from './support/photo-files'

type Tags = Parameters<typeof embeddedFromTags>[0]

const AFP = agencyXmp({
  creator: 'Abdulaziz KETAZ',
  credit: 'AFP',
  source: 'AFP',
  rights: '© AFP 2025',
  description: 'Debris & military vehicles lie at the scene of an Israeli strike in Hama.',
  headline: 'Aftermath of a strike in Hama',
  title: 'SYRIA-ISRAEL-CONFLICT',
  webStatement: 'https://www.afp.com/en/terms',
  dateCreated: '2025-04-03T09:12:00+03:00',
})

describe('readEmbeddedMetadata', () => {
  it('reads XMP from a JPEG, and prefers it to EXIF', async () => {
    const { metadata, problems } = await readEmbeddedMetadata(await jpegWith({ xmp: AFP, exif: CAMERA_EXIF, width: 64, height: 48 }))
    expect(problems).toEqual([])
    expect(metadata).toEqual({
      creator: 'Abdulaziz KETAZ',
      credit: 'AFP',
      copyright: '© AFP 2025',
      source: 'AFP',
      webStatement: 'https://www.afp.com/en/terms',
      dateTaken: '2025-04-03T09:12:00',
      headline: 'Aftermath of a strike in Hama',
      title: 'SYRIA-ISRAEL-CONFLICT',
      description: 'Debris & military vehicles lie at the scene of an Israeli strike in Hama.',
    })
  })

  it('falls back to EXIF when there is no XMP', async () => {
    const { metadata } = await readEmbeddedMetadata(await jpegWith({ exif: CAMERA_EXIF, width: 64, height: 48 }))
    expect(metadata).toMatchObject({
      creator: 'EXIF Artist',
      copyright: 'EXIF copyright',
      description: 'EXIF description',
      dateTaken: '2025-04-03T09:12:00',
      credit: null,
      headline: null,
    })
  })

  it('reads IPTC IIM records, UTF-8 included', async () => {
    const jpeg = await jpegWith({
      width: 64,
      height: 48,
      iptc: [
        [80, 'Zoë Ölmez'],
        [110, 'Reuters'],
        [115, 'Reuters'],
        [116, '© Reuters 2025'],
        [120, 'Crowds gather in Aleppo.'],
        [105, 'Crowds in Aleppo'],
        [5, 'SYRIA-POLITICS'],
        [55, '20250403'],
        [60, '091200+0300'],
      ],
    })
    const { metadata, problems } = await readEmbeddedMetadata(jpeg)
    expect(problems).toEqual([])
    expect(metadata).toEqual({
      creator: 'Zoë Ölmez',
      credit: 'Reuters',
      copyright: '© Reuters 2025',
      source: 'Reuters',
      webStatement: null,
      dateTaken: '2025-04-03T09:12:00+03:00',
      headline: 'Crowds in Aleppo',
      title: 'SYRIA-POLITICS',
      description: 'Crowds gather in Aleppo.',
    })
  })

  it('reads IPTC in the character set its record 1:90 declares, and Windows-1252 where none is declared', async () => {
    const read = async (charset: Buffer | null, byline: Buffer) =>
      (await readEmbeddedMetadata(await jpegWith({ width: 64, height: 48, iptc: [[80, byline], [110, Buffer.from('AFP')]], iptcCharset: charset }))).metadata
    // ISO 8859-7 (ESC / F): the same bytes read as Latin-1 would be "Ãéþñãïò Ðáðáäüðïõëïò".
    const greek = Buffer.from([0xc3, 0xe9, 0xfe, 0xf1, 0xe3, 0xef, 0xf2, 0x20, 0xd0, 0xe1, 0xf0, 0xe1, 0xe4, 0xfc, 0xf0, 0xef, 0xf5, 0xeb, 0xef, 0xf2])
    expect(await read(Buffer.from('\x1b/F', 'latin1'), greek)).toMatchObject({ creator: 'Γιώργος Παπαδόπουλος', credit: 'AFP' })
    // No record: an old desk system's Windows-1252, en dash included.
    expect(await read(null, Buffer.from([0x5a, 0x6f, 0xeb, 0x20, 0x96, 0x20, 0xd6, 0x6c, 0x6d, 0x65, 0x7a]))).toMatchObject({ creator: 'Zoë – Ölmez' })
    // No record, UTF-8 bytes: read as UTF-8.
    expect(await read(null, Buffer.from('Zoë Ölmez', 'utf8'))).toMatchObject({ creator: 'Zoë Ölmez' })
  })

  it('decodes XML character references in XMP', async () => {
    const xmp = agencyXmp({ creator: 'Jane Doe' }).replace('<dc:creator>', '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &lt;title&gt; &#x2014; &#233;t&#233; &amp; co</rdf:li></rdf:Alt></dc:title><dc:creator>')
    const { metadata } = await readEmbeddedMetadata(await jpegWith({ xmp, width: 64, height: 48 }))
    expect(metadata).toMatchObject({ creator: 'Jane Doe', title: 'A <title> — été & co' })
  })

  it('reads XMP and EXIF from a WebP', async () => {
    const { metadata } = await readEmbeddedMetadata(await webpWith({ xmp: AFP, exif: CAMERA_EXIF, width: 64, height: 48 }))
    expect(metadata).toMatchObject({ creator: 'Abdulaziz KETAZ', credit: 'AFP', copyright: '© AFP 2025', dateTaken: '2025-04-03T09:12:00' })
  })

  it('gives nothing, without throwing, for a photo without metadata, a broken block or bytes that are not an image', async () => {
    const plain = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#888' } }).png().toBuffer()
    expect((await readEmbeddedMetadata(plain)).metadata).toEqual(EMPTY_EMBEDDED)

    const broken = await readEmbeddedMetadata(await jpegWithBrokenMetadata({ width: 64, height: 48 }))
    expect(broken.metadata).toEqual(EMPTY_EMBEDDED)
    expect(broken.problems.length).toBeGreaterThan(0)

    const notImage = await readEmbeddedMetadata(Buffer.from('#!/bin/sh\necho hi\n'))
    expect(notImage.metadata).toEqual(EMPTY_EMBEDDED)
    expect(notImage.problems).not.toEqual([])
  })

  it('keeps the good XMP when another block is broken', async () => {
    const jpeg = await jpegWith({ xmp: AFP, width: 64, height: 48 })
    const withBrokenExif = spliceSegment(jpeg, 0xe1, Buffer.concat([Buffer.from('Exif\0\0MM\0*', 'latin1'), garbage(200)]))
    const { metadata } = await readEmbeddedMetadata(withBrokenExif)
    expect(metadata.creator).toBe('Abdulaziz KETAZ')
  })
})

describe('embeddedFromTags', () => {
  const tag = (value: unknown, lang?: string) => ({ value, attributes: lang ? { lang } : {}, description: String(value) })

  it('takes the default language, joins several creators and repeated IPTC datasets', () => {
    const tags = {
      xmp: {
        creator: tag([tag('Jane Doe'), tag('John Roe')]),
        rights: tag([tag('© AFP (fr)', 'fr'), tag('© AFP & partners', 'x-default')]),
        title: tag([tag('Le titre', 'fr'), tag('Der Titel', 'de')]),
      },
      iptc: { 'By-line': [{ id: 592, value: [], description: 'Ann One' }, { id: 592, value: [], description: 'Bo Two' }], Source: { id: 627, value: [], description: 'AP' } },
    } as unknown as Tags
    expect(embeddedFromTags(tags)).toMatchObject({ creator: 'Jane Doe, John Roe', copyright: '© AFP & partners', title: 'Le titre', source: 'AP' })
    expect(embeddedFromTags({ iptc: tags.iptc })).toMatchObject({ creator: 'Ann One, Bo Two' })
  })

  it('ignores empty and whitespace values and unknown shapes', () => {
    const tags = { xmp: { creator: tag('   ') }, iptc: { 'By-line': { description: '' } }, exif: { Artist: { weird: true } } } as unknown as Tags
    expect(embeddedFromTags(tags)).toEqual(EMPTY_EMBEDDED)
    expect(embeddedFromTags({})).toEqual(EMPTY_EMBEDDED)
  })
})

describe('unreadableBlocks', () => {
  it('names the blocks that are there but gave nothing', () => {
    expect(unreadableBlocks({ exif: {}, xmp: {} as Tags['xmp'], iptc: { Credit: { id: 622, value: [], description: 'AFP' } } } as unknown as Tags)).toEqual([
      'the EXIF block could not be read',
      'the XMP block could not be read',
    ])
    expect(unreadableBlocks({})).toEqual([])
  })
})

describe('dates', () => {
  it.each([
    ['2025:04:03 09:12:00', '2025-04-03T09:12:00'],
    ['2025-04-03T09:12:00+03:00', '2025-04-03T09:12:00+03:00'],
    ['April 2025', 'April 2025'],
    [null, null],
  ])('normalizeDate(%j) is %j', (input, output) => expect(normalizeDate(input)).toBe(output))

  it.each([
    ['20250403', '091200+0300', '2025-04-03T09:12:00+03:00'],
    ['20250403', '091200', '2025-04-03T09:12:00'],
    ['2025-04-03', '09:12:00+03:00', '2025-04-03T09:12:00+03:00'],
    ['20250403', null, '2025-04-03'],
    ['sometime', null, 'sometime'],
  ] as const)('iptcDate(%j, %j) is %j', (date, time, output) => expect(iptcDate(date, time)).toBe(output))
})

describe('fillFromEmbedded', () => {
  const embedded = (values: Partial<EmbeddedMetadata>): EmbeddedMetadata => ({ ...EMPTY_EMBEDDED, ...values })

  it('fills every empty field: creator, provider, copyright, licence, caption, alt from the headline', () => {
    const changes = fillFromEmbedded(
      {},
      embedded({
        creator: 'Abdulaziz KETAZ',
        credit: 'AFP',
        copyright: '© AFP 2025',
        webStatement: 'https://www.afp.com/en/terms',
        description: 'Debris lies at the scene.',
        headline: 'Aftermath of a strike',
        title: 'SYRIA-ISRAEL-CONFLICT',
      }),
    )
    expect(changes).toEqual({
      alt: 'Aftermath of a strike',
      caption: 'Debris lies at the scene.',
      credit: { creator: 'Abdulaziz KETAZ', provider: 'AFP', copyright: '© AFP 2025', license: 'https://www.afp.com/en/terms' },
    })
  })

  it('never replaces what a person typed', () => {
    const typed: PhotoFields = {
      alt: 'Typed alt',
      caption: 'Typed caption',
      credit: { creator: 'Typed Person', provider: 'Typed Agency', copyright: '© Typed', license: 'https://example.org/licence' },
    }
    expect(
      fillFromEmbedded(typed, embedded({ creator: 'A', credit: 'B', copyright: 'C', webStatement: 'https://x.example', description: 'D', headline: 'E' })),
    ).toEqual({})
  })

  it('treats blank strings as empty', () => {
    expect(fillFromEmbedded({ alt: '  ', credit: { creator: '' } }, embedded({ headline: 'H', creator: 'C' }))).toEqual({
      alt: 'H',
      credit: { creator: 'C' },
    })
  })

  it('uses the title for the alt text when there is no headline', () => {
    expect(fillFromEmbedded({}, embedded({ title: 'Harbour at dawn' }))).toEqual({ alt: 'Harbour at dawn' })
  })

  it.each<[string, Partial<EmbeddedMetadata>, PhotoFields['credit'], PhotoFields['credit'] | undefined]>([
    ['an agency alone is the provider', { creator: 'Jane Doe', credit: 'Reuters' }, {}, { creator: 'Jane Doe', provider: 'Reuters' }],
    ['"Courtesy of …" is the provider', { credit: 'Courtesy of the family' }, {}, { provider: 'Courtesy of the family' }],
    ['a credit repeating the photographer adds nothing', { creator: 'Jane Doe', credit: 'jane doe' }, {}, { creator: 'Jane Doe' }],
    ['"Creator / Agency" gives the agency', { creator: 'Abdulaziz KETAZ', credit: 'Abdulaziz KETAZ / AFP' }, {}, { creator: 'Abdulaziz KETAZ', provider: 'AFP' }],
    ['a typed photographer counts for the match', { credit: 'Jane Doe/Reuters' }, { creator: 'Jane Doe' }, { provider: 'Reuters' }],
    ['any other line with "/" is kept as the credit line', { credit: 'Kevin Dietsch/Getty Images/AFP' }, {}, { line: 'Kevin Dietsch/Getty Images/AFP' }],
    ['"Handout / AFP" without a photographer is a credit line', { credit: 'Handout / AFP' }, {}, { line: 'Handout / AFP' }],
    ['…but not over a typed provider', { credit: 'Handout / AFP' }, { provider: 'Reuters' }, undefined],
    ['…nor over a typed photographer', { credit: 'Handout / AFP' }, { creator: 'Someone Else' }, undefined],
    ['…nor over a typed line', { credit: 'Handout / AFP' }, { line: 'Pool photo' }, undefined],
    ['the source stands in for a missing credit', { source: 'AFP' }, {}, { provider: 'AFP' }],
    ['a web statement that is not a URL is not a licence', { webStatement: 'All rights reserved' }, {}, undefined],
  ])('%s', (_name, values, typed, credit) => {
    expect(fillFromEmbedded({ credit: typed }, embedded(values)).credit).toEqual(credit)
  })
})

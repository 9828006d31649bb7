import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import {
  EMPTY_EMBEDDED,
  type EmbeddedMetadata,
  embeddedFromExifr,
  fillFromEmbedded,
  iptcDate,
  normalizeDate,
  type PhotoFields,
  readEmbeddedMetadata,
  utf8FromLatin1,
} from '@/lib/photos/metadata'
import { agencyXmp, CAMERA_EXIF, garbage, jpegWith, jpegWithBrokenMetadata, spliceSegment, webpWith } from './support/photo-files'

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

  it('reads XMP and EXIF from a WebP, which exifr alone cannot open', async () => {
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

describe('embeddedFromExifr', () => {
  it('takes the default language, joins several creators and decodes XML entities', () => {
    expect(
      embeddedFromExifr({
        dc: {
          creator: ['Jane Doe', 'John Roe'],
          rights: [
            { lang: 'fr', value: '© AFP (fr)' },
            { lang: 'x-default', value: '© AFP &amp; partners' },
          ],
          title: { lang: 'x-default', value: 'A &lt;title&gt; &#x2014; &#233;t&#233;' },
        },
      }),
    ).toMatchObject({ creator: 'Jane Doe, John Roe', copyright: '© AFP & partners', title: 'A <title> — été' })
  })

  it('ignores empty and whitespace values and unknown shapes', () => {
    expect(embeddedFromExifr({ dc: { creator: '   ' }, iptc: { Byline: '' }, ifd0: { Artist: { weird: true } } })).toEqual(EMPTY_EMBEDDED)
    expect(embeddedFromExifr({})).toEqual(EMPTY_EMBEDDED)
  })
})

describe('dates and text encodings', () => {
  it.each([
    ['2025:04:03 09:12:00', '2025-04-03T09:12:00'],
    ['2025-04-03T09:12:00+03:00', '2025-04-03T09:12:00+03:00'],
    ['April 2025', 'April 2025'],
    [null, null],
  ])('normalizeDate(%j) is %j', (input, output) => expect(normalizeDate(input)).toBe(output))

  it.each([
    ['20250403', '091200+0300', '2025-04-03T09:12:00+03:00'],
    ['20250403', '091200', '2025-04-03T09:12:00'],
    ['20250403', null, '2025-04-03'],
    ['sometime', null, 'sometime'],
  ] as const)('iptcDate(%j, %j) is %j', (date, time, output) => expect(iptcDate(date, time)).toBe(output))

  it('repairs UTF-8 read as Latin-1 and leaves real Latin-1 alone', () => {
    expect(utf8FromLatin1(Buffer.from('Zoë Ölmez', 'utf8').toString('latin1'))).toBe('Zoë Ölmez')
    expect(utf8FromLatin1('Zoë')).toBe('Zoë')
    expect(utf8FromLatin1('plain')).toBe('plain')
  })
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

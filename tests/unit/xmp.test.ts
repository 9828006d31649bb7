import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { readEmbeddedMetadata } from '@/lib/photos/metadata'
import { buildRightsXmp, escapeXml, isWebp, parseWebp, setWebpXmp, webpMetadata } from '@/lib/photos/xmp'
import { CAMERA_EXIF, jpegWith, webpWith } from './support/photo-files'

const RIGHTS = {
  creator: 'Abdulaziz KETAZ',
  creditLine: 'Abdulaziz KETAZ / AFP',
  copyright: '© AFP 2025',
  webStatement: 'https://www.afp.com/en/terms?lang=en&x=1',
}

describe('escapeXml', () => {
  it('escapes the five XML characters and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>\u0001\u0007`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;')
    expect(escapeXml('Line\nbreak\ttab')).toBe('Line\nbreak\ttab')
  })
})

describe('buildRightsXmp', () => {
  it('writes creator, credit line, copyright and web statement that a reader reads back exactly', async () => {
    const xmp = buildRightsXmp(RIGHTS)
    expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>Abdulaziz KETAZ</rdf:li></rdf:Seq></dc:creator>')
    expect(xmp).toContain('<photoshop:Credit>Abdulaziz KETAZ / AFP</photoshop:Credit>')
    expect(xmp).toContain('<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© AFP 2025</rdf:li></rdf:Alt></dc:rights>')
    expect(xmp).toContain('https://www.afp.com/en/terms?lang=en&amp;x=1')
    const stamped = setWebpXmp(await webpWith({ width: 16, height: 16 }), xmp)
    expect((await readEmbeddedMetadata(stamped)).metadata).toMatchObject({
      creator: 'Abdulaziz KETAZ',
      credit: 'Abdulaziz KETAZ / AFP',
      copyright: '© AFP 2025',
      webStatement: 'https://www.afp.com/en/terms?lang=en&x=1',
    })
  })

  it('round-trips markup, quotes and any script through escaping', async () => {
    const creator = `"Smith & Sons" <Photo> © l'été — 写真`
    const stamped = setWebpXmp(await webpWith({ width: 16, height: 16 }), buildRightsXmp({ creator }))
    expect((await readEmbeddedMetadata(stamped)).metadata.creator).toBe(creator)
  })

  it('escapes markup in names so the packet stays well-formed', () => {
    const xmp = buildRightsXmp({ creator: 'Jane </rdf:li><evil/>', creditLine: 'A & B', copyright: '"quoted"' }) ?? ''
    expect(xmp).not.toContain('<evil/>')
    expect(xmp).toContain('Jane &lt;/rdf:li&gt;&lt;evil/&gt;')
    expect(xmp).toContain('<photoshop:Credit>A &amp; B</photoshop:Credit>')
    expect(xmp).toContain('&quot;quoted&quot;')
  })

  it('leaves out empty values, and is null when there is nothing to say', () => {
    expect(buildRightsXmp({ creditLine: 'AFP' })).not.toContain('dc:creator>')
    expect(buildRightsXmp({ creator: ' ', creditLine: null, copyright: '' })).toBeNull()
    expect(buildRightsXmp({})).toBeNull()
  })
})

describe('WebP metadata', () => {
  const xmp = buildRightsXmp(RIGHTS) ?? ''
  const base = () => sharp({ create: { width: 120, height: 80, channels: 3, background: '#3a6' } })
  const pixels = async (bytes: Buffer) => (await sharp(bytes).raw().toBuffer()).toString('base64')

  const variants: [string, () => Promise<Buffer>][] = [
    ['lossy (VP8)', () => base().webp({ quality: 80 }).toBuffer()],
    ['lossless (VP8L)', () => base().webp({ lossless: true }).toBuffer()],
    ['lossless with alpha', () => sharp({ create: { width: 33, height: 21, channels: 4, background: { r: 9, g: 80, b: 200, alpha: 0.5 } } }).webp({ lossless: true }).toBuffer()],
    ['lossy with alpha (VP8X + ALPH)', () => sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 9, g: 80, b: 200, alpha: 0.5 } } }).webp().toBuffer()],
    ['extended, with EXIF GPS, an old XMP packet and a colour profile', () => base().withExif(CAMERA_EXIF).withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>').withIccProfile('p3').webp().toBuffer()],
  ]

  it.each(variants)('%s: carries exactly the new packet, no EXIF, the same pixels', async (_name, make) => {
    const original = await make()
    const stamped = setWebpXmp(original, xmp)
    const before = await sharp(original).metadata()
    const after = await sharp(stamped).metadata()
    expect(after).toMatchObject({ format: 'webp', width: before.width, height: before.height, hasAlpha: before.hasAlpha })
    expect(after.xmp?.toString('utf8')).toBe(xmp)
    expect(after.exif).toBeUndefined()
    expect(Boolean(after.icc)).toBe(Boolean(before.icc))
    expect(await pixels(stamped)).toBe(await pixels(original))
    expect(webpMetadata(stamped)).toEqual({ xmp: Buffer.from(xmp) })
    // Stamping again changes nothing; null strips the packet.
    expect(setWebpXmp(stamped, xmp).equals(stamped)).toBe(true)
    const stripped = setWebpXmp(stamped, null)
    expect(webpMetadata(stripped)).toEqual({})
    expect(await pixels(stripped)).toBe(await pixels(original))
  })

  it('finds the EXIF block (camera data to strip) that a WebP carries', async () => {
    const webp = await base().withExif(CAMERA_EXIF).webp().toBuffer()
    expect(webpMetadata(webp).exif?.toString('latin1')).toContain('EOS R5')
    expect(webpMetadata(await base().webp().toBuffer()).exif).toBeUndefined()
  })

  it('refuses what is not a WebP container, or a truncated one', async () => {
    const jpeg = await jpegWith({ width: 16, height: 16 })
    expect(isWebp(jpeg)).toBe(false)
    expect(parseWebp(jpeg)).toBeNull()
    expect(() => setWebpXmp(jpeg, xmp)).toThrow(/not a well-formed WebP/)
    const webp = await base().webp().toBuffer()
    expect(parseWebp(webp.subarray(0, webp.length - 10))).toBeNull()
    expect(webpMetadata(Buffer.from('RIFF\u0004\u0000\u0000\u0000WEBP'))).toEqual({})
  })
})

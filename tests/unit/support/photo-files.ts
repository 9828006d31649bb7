import sharp from 'sharp'

/**
 * Photo files carrying metadata the way agencies send it, made in memory with sharp (XMP, EXIF)
 * and by hand (IPTC, broken blocks). Nothing is downloaded.
 */

export interface XmpFixture {
  creator?: string | string[]
  credit?: string
  source?: string
  rights?: string
  description?: string
  headline?: string
  title?: string
  webStatement?: string
  dateCreated?: string
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${esc(text)}</rdf:li></rdf:Alt>`

/** An XMP packet as a photo desk's software writes it (Dublin Core, Photoshop, XMP Rights). */
export function agencyXmp(fields: XmpFixture): string {
  const props: string[] = []
  if (fields.creator) {
    const creators = Array.isArray(fields.creator) ? fields.creator : [fields.creator]
    props.push(`<dc:creator><rdf:Seq>${creators.map((name) => `<rdf:li>${esc(name)}</rdf:li>`).join('')}</rdf:Seq></dc:creator>`)
  }
  if (fields.rights) props.push(`<dc:rights>${alt(fields.rights)}</dc:rights>`)
  if (fields.description) props.push(`<dc:description>${alt(fields.description)}</dc:description>`)
  if (fields.title) props.push(`<dc:title>${alt(fields.title)}</dc:title>`)
  if (fields.credit) props.push(`<photoshop:Credit>${esc(fields.credit)}</photoshop:Credit>`)
  if (fields.source) props.push(`<photoshop:Source>${esc(fields.source)}</photoshop:Source>`)
  if (fields.headline) props.push(`<photoshop:Headline>${esc(fields.headline)}</photoshop:Headline>`)
  if (fields.dateCreated) props.push(`<photoshop:DateCreated>${esc(fields.dateCreated)}</photoshop:DateCreated>`)
  if (fields.webStatement) props.push(`<xmpRights:WebStatement>${esc(fields.webStatement)}</xmpRights:WebStatement>`)
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Agency Photo Desk 1.0">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/">
   ${props.join('\n   ')}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

/** EXIF as a phone or press camera writes it: who and what, plus the GPS position and serial number. */
export const CAMERA_EXIF = {
  IFD0: { Artist: 'EXIF Artist', Copyright: 'EXIF copyright', ImageDescription: 'EXIF description', Make: 'Canon', Model: 'EOS R5' },
  IFD2: { DateTimeOriginal: '2025:04:03 09:12:00', BodySerialNumber: '0123456789' },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 8/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '36/1 45/1 0/1' },
}

export interface PhotoOptions {
  width?: number
  height?: number
  xmp?: string
  exif?: Record<string, Record<string, string>>
  iptc?: [number, string | Buffer][]
  /** IPTC's coded character set (record 1:90); UTF-8 (ESC % G) unless given, none when null. */
  iptcCharset?: Buffer | null
  background?: string
}

function canvas({ width = 1800, height = 1200, background = '#4a6a8a' }: PhotoOptions) {
  return sharp({ create: { width, height, channels: 3, background } })
}

/** A JPEG with the given XMP packet, EXIF tags and IPTC records. */
export async function jpegWith(options: PhotoOptions = {}): Promise<Buffer> {
  let image = canvas(options)
  if (options.xmp) image = image.withXmp(options.xmp)
  if (options.exif) image = image.withExif(options.exif)
  const jpeg = await image.jpeg({ quality: 80 }).toBuffer()
  return options.iptc ? spliceSegment(jpeg, 0xed, iptcPayload(options.iptc, options.iptcCharset)) : jpeg
}

/** A WebP with the given XMP packet and EXIF tags. */
export async function webpWith(options: PhotoOptions = {}): Promise<Buffer> {
  let image = canvas(options)
  if (options.xmp) image = image.withXmp(options.xmp)
  if (options.exif) image = image.withExif(options.exif)
  return image.webp({ quality: 80 }).toBuffer()
}

/** Inserts a JPEG marker segment (e.g. 0xE1 APP1, 0xED APP13) right after the start-of-image marker. */
export function spliceSegment(jpeg: Buffer, marker: number, payload: Buffer): Buffer {
  const length = payload.length + 2
  const head = Buffer.from([0xff, marker, length >> 8, length & 0xff])
  return Buffer.concat([jpeg.subarray(0, 2), head, payload, jpeg.subarray(2)])
}

export const IPTC_UTF8 = Buffer.from([0x1b, 0x25, 0x47])

/**
 * An APP13 payload: a Photoshop image resource block holding IPTC IIM records (2:80 By-line,
 * 2:110 Credit, 2:116 Copyright, 2:120 Caption, 2:105 Headline …). Strings are written as UTF-8
 * and declared so (1:90 ESC % G) by default; bytes are written as given, under `charset`.
 */
export function iptcPayload(records: [number, string | Buffer][], charset: Buffer | null = IPTC_UTF8): Buffer {
  const dataset = (record: number, tag: number, value: Buffer) => {
    const head = Buffer.from([0x1c, record, tag, 0, 0])
    head.writeUInt16BE(value.length, 3)
    return Buffer.concat([head, value])
  }
  const iim = Buffer.concat([
    ...(charset ? [dataset(1, 90, charset)] : []),
    dataset(2, 0, Buffer.from([0, 4])),
    ...records.map(([tag, value]) => dataset(2, tag, typeof value === 'string' ? Buffer.from(value, 'utf8') : value)),
  ])
  const padded = iim.length % 2 ? Buffer.concat([iim, Buffer.alloc(1)]) : iim
  const resource = Buffer.alloc(12)
  resource.write('8BIM', 0, 'latin1')
  resource.writeUInt16BE(0x0404, 4)
  resource.writeUInt16BE(0, 6) // empty Pascal name, padded to even length
  resource.writeUInt32BE(iim.length, 8)
  return Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource, padded])
}

/** Bytes that look like a metadata block and are not one: what a broken export leaves behind. */
export function garbage(length = 400): Buffer {
  return Buffer.from(Array.from({ length }, (_, index) => (index * 37 + 11) % 256))
}

/** A valid JPEG whose XMP block (APP1) is garbage, and whose EXIF block is too. */
export async function jpegWithBrokenMetadata(options: PhotoOptions = {}): Promise<Buffer> {
  const jpeg = await canvas(options).jpeg().toBuffer()
  const brokenXmp = spliceSegment(jpeg, 0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), garbage()]))
  return spliceSegment(brokenXmp, 0xe1, Buffer.concat([Buffer.from('Exif\0\0II*\0', 'latin1'), Buffer.from([0xff, 0xff, 0xff, 0x7f]), garbage()]))
}

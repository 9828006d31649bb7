/**
 * The rights metadata that travels inside the image files Masthead serves: an XMP packet saying
 * who made the photo, how to credit it and who holds the copyright, and a lossless way to put that
 * packet into a WebP file (the format every stored image is converted to) without re-encoding it.
 *
 * Pure: bytes in, bytes out. The hook that writes the files lives in `collections/Media/hooks/stamp-rights.ts`.
 */

/** What a served copy of the photo says about itself. Empty values are left out of the packet. */
export interface RightsMetadata {
  /** The photographer: XMP `dc:creator`. */
  creator?: string | null
  /** The credit line as printed, e.g. "Abdulaziz KETAZ / AFP": XMP `photoshop:Credit`. */
  creditLine?: string | null
  /** The copyright notice, e.g. "© AFP 2025": XMP `dc:rights`. */
  copyright?: string | null
  /** A URL stating the licence or terms of use: XMP `xmpRights:WebStatement`. */
  webStatement?: string | null
}

const NAMESPACES = {
  x: 'adobe:ns:meta/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
} as const

// Characters XML 1.0 does not allow at all, even escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/** Text safe inside an XML element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * The XMP packet for a photo's rights, or null when there is nothing to say. Only the Dublin Core,
 * Photoshop and XMP Rights schemas, which every photo tool and agency system reads.
 */
export function buildRightsXmp(rights: RightsMetadata): string | null {
  const value = (text: string | null | undefined) => text?.trim() || null
  const creator = value(rights.creator)
  const creditLine = value(rights.creditLine)
  const copyright = value(rights.copyright)
  const webStatement = value(rights.webStatement)
  const properties: string[] = []
  if (creator) properties.push(`<dc:creator><rdf:Seq><rdf:li>${escapeXml(creator)}</rdf:li></rdf:Seq></dc:creator>`)
  if (copyright) properties.push(`<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(copyright)}</rdf:li></rdf:Alt></dc:rights>`)
  if (creditLine) properties.push(`<photoshop:Credit>${escapeXml(creditLine)}</photoshop:Credit>`)
  if (webStatement) properties.push(`<xmpRights:WebStatement>${escapeXml(webStatement)}</xmpRights:WebStatement>`)
  if (properties.length === 0) return null
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    `<x:xmpmeta xmlns:x="${NAMESPACES.x}">`,
    ` <rdf:RDF xmlns:rdf="${NAMESPACES.rdf}">`,
    `  <rdf:Description rdf:about="" xmlns:dc="${NAMESPACES.dc}" xmlns:photoshop="${NAMESPACES.photoshop}" xmlns:xmpRights="${NAMESPACES.xmpRights}">`,
    ...properties.map((property) => `   ${property}`),
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n')
}

// ---------------------------------------------------------------------------------------------
// WebP (RIFF) containers: https://developers.google.com/speed/webp/docs/riff_container

export interface RiffChunk {
  fourcc: string
  data: Buffer
}

const VP8X_ICC = 0x20
const VP8X_ALPHA = 0x10
const VP8X_EXIF = 0x08
const VP8X_XMP = 0x04

/** Whether the bytes are a RIFF/WebP file. */
export function isWebp(bytes: Uint8Array): boolean {
  const buf = asBuffer(bytes)
  return buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP'
}

/** The chunks of a WebP file, in order; null when the bytes are not a well-formed WebP container. */
export function parseWebp(bytes: Uint8Array): RiffChunk[] | null {
  const buf = asBuffer(bytes)
  if (!isWebp(buf)) return null
  // The RIFF size may overstate a truncated file: trust what is there.
  const end = Math.min(buf.length, 8 + buf.readUInt32LE(4))
  const chunks: RiffChunk[] = []
  let offset = 12
  while (offset + 8 <= end) {
    const fourcc = buf.toString('latin1', offset, offset + 4)
    const size = buf.readUInt32LE(offset + 4)
    const start = offset + 8
    if (start + size > end) return null
    chunks.push({ fourcc, data: buf.subarray(start, start + size) })
    offset = start + size + (size % 2)
  }
  return chunks.length > 0 ? chunks : null
}

/** The XMP packet and the EXIF block a WebP file carries, if any. */
export function webpMetadata(bytes: Uint8Array): { xmp?: Buffer; exif?: Buffer } {
  const chunks = parseWebp(bytes) ?? []
  const xmp = chunks.find((chunk) => chunk.fourcc === 'XMP ')?.data
  const exif = chunks.find((chunk) => chunk.fourcc === 'EXIF')?.data
  return { ...(xmp ? { xmp } : {}), ...(exif ? { exif } : {}) }
}

/**
 * The same WebP image with `xmp` as its only metadata besides the colour profile: any EXIF block
 * (camera serial numbers, GPS position, …) and any earlier XMP packet are dropped, the image data
 * is copied untouched. A simple (VP8/VP8L) file becomes an extended (VP8X) one, as the format
 * requires for metadata. `xmp: null` only strips. Throws when the bytes are not a readable WebP.
 */
export function setWebpXmp(bytes: Uint8Array, xmp: string | null): Buffer {
  const chunks = parseWebp(bytes)
  if (!chunks) throw new Error('not a well-formed WebP file')
  const kept = chunks.filter((chunk) => chunk.fourcc !== 'EXIF' && chunk.fourcc !== 'XMP ')
  let header = kept.find((chunk) => chunk.fourcc === 'VP8X')
  let flags: number
  if (header) {
    flags = header.data.readUInt8(0) & ~(VP8X_EXIF | VP8X_XMP)
  } else {
    const image = kept.find((chunk) => chunk.fourcc === 'VP8 ' || chunk.fourcc === 'VP8L')
    if (!image) throw new Error('WebP file without image data')
    const { width, height, alpha } = simpleImageInfo(image)
    const data = Buffer.alloc(10)
    data.writeUIntLE(width - 1, 4, 3)
    data.writeUIntLE(height - 1, 7, 3)
    header = { fourcc: 'VP8X', data }
    kept.unshift(header)
    flags = alpha ? VP8X_ALPHA : 0
  }
  if (kept.some((chunk) => chunk.fourcc === 'ICCP')) flags |= VP8X_ICC
  if (xmp) flags |= VP8X_XMP
  const vp8x = Buffer.from(header.data)
  vp8x.writeUInt8(flags, 0)
  const out = kept.map((chunk) => (chunk === header ? { fourcc: 'VP8X', data: vp8x } : chunk))
  if (xmp) out.push({ fourcc: 'XMP ', data: Buffer.from(xmp, 'utf8') })
  return writeWebp(out)
}

function writeWebp(chunks: RiffChunk[]): Buffer {
  const parts: Buffer[] = []
  for (const { fourcc, data } of chunks) {
    const head = Buffer.alloc(8)
    head.write(fourcc, 0, 4, 'latin1')
    head.writeUInt32LE(data.length, 4)
    parts.push(head, data)
    if (data.length % 2) parts.push(Buffer.alloc(1))
  }
  const body = Buffer.concat(parts)
  const riff = Buffer.alloc(12)
  riff.write('RIFF', 0, 'latin1')
  riff.writeUInt32LE(body.length + 4, 4)
  riff.write('WEBP', 8, 'latin1')
  return Buffer.concat([riff, body])
}

/** Canvas size and alpha of a simple-format WebP, read from its VP8 or VP8L bitstream header. */
function simpleImageInfo(chunk: RiffChunk): { width: number; height: number; alpha: boolean } {
  const { data } = chunk
  if (chunk.fourcc === 'VP8 ') {
    if (data.length < 10 || data[3] !== 0x9d || data[4] !== 0x01 || data[5] !== 0x2a) throw new Error('bad VP8 header')
    return { width: data.readUInt16LE(6) & 0x3fff, height: data.readUInt16LE(8) & 0x3fff, alpha: false }
  }
  if (data.length < 5 || data[0] !== 0x2f) throw new Error('bad VP8L header')
  const bits = data.readUInt32LE(1)
  return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, alpha: ((bits >>> 28) & 1) === 1 }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

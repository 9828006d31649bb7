import { DOMParser, onErrorStopParsing } from '@xmldom/xmldom'
// The default export: in plain Node exifreader is a CommonJS bundle without named exports.
import ExifReader, { type ExpandedTags } from 'exifreader'
import { isHttpUrl } from '@/lib/text/links'
import type { PhotoCredit } from './credit'

/**
 * What a photo file says about itself (IPTC, XMP, EXIF), as supplied by the photographer or agency,
 * and how that fills the photo's fields in Masthead. The reading is forgiving: a file without
 * metadata, or with a broken block, gives what could be read (possibly nothing), never an error.
 */

/** The raw values read from the file, kept on the media document for editors to see. */
export interface EmbeddedMetadata {
  creator: string | null
  credit: string | null
  copyright: string | null
  source: string | null
  webStatement: string | null
  dateTaken: string | null
  headline: string | null
  title: string | null
  description: string | null
}

export const EMPTY_EMBEDDED: EmbeddedMetadata = {
  creator: null,
  credit: null,
  copyright: null,
  source: null,
  webStatement: null,
  dateTaken: null,
  headline: null,
  title: null,
  description: null,
}

export interface ReadResult {
  metadata: EmbeddedMetadata
  /** Why some or all of the metadata could not be read (a corrupt block, an unknown format). */
  problems: string[]
}

// exifreader finds an XML parser itself only in browsers and webpack builds: give it the one it
// names for Node. Stopping at the first error leaves a broken packet unread rather than half-read.
const XMP_PARSER = new DOMParser({ onError: onErrorStopParsing })

const READ_OPTIONS = { expanded: true, domParser: XMP_PARSER, includeTags: { exif: true, iptc: true, xmp: true } } as const

const BLOCKS = { exif: 'EXIF', iptc: 'IPTC', xmp: 'XMP' } as const

/** Reads IPTC, XMP and EXIF from an image file's bytes (JPEG, PNG, AVIF, HEIC, TIFF, WebP). */
export async function readEmbeddedMetadata(bytes: Uint8Array): Promise<ReadResult> {
  let tags: ExpandedTags
  try {
    // A view, never a string: exifreader reads a string argument as a path or URL to fetch.
    tags = ExifReader.loadView(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), READ_OPTIONS)
  } catch (error) {
    return { metadata: { ...EMPTY_EMBEDDED }, problems: [describeProblem(error)] }
  }
  return { metadata: embeddedFromTags(tags), problems: unreadableBlocks(tags) }
}

/**
 * exifreader skips a block it cannot parse and leaves its group empty (an XMP group without even
 * the `_raw` packet): name those, so that the upload's log says what was lost.
 */
export function unreadableBlocks(tags: ExpandedTags): string[] {
  const problems: string[] = []
  for (const [key, name] of Object.entries(BLOCKS)) {
    const block = tags[key as keyof typeof BLOCKS]
    if (block && Object.keys(block).length === 0) problems.push(`the ${name} block could not be read`)
  }
  return problems
}

/**
 * The values Masthead keeps from exifreader's expanded output (one group per block; XMP
 * properties by local name, e.g. `creator` for dc:creator, `Credit` for photoshop:Credit). XMP
 * wins over IPTC, which wins over EXIF: agencies update XMP, and IPTC and EXIF are often older copies.
 */
export function embeddedFromTags(tags: Pick<ExpandedTags, 'exif' | 'iptc' | 'xmp'>): EmbeddedMetadata {
  const xmp = group(tags.xmp)
  const iptc = group(tags.iptc)
  const exif = group(tags.exif)
  const fromXmp = (name: string) => xmpText(xmp[name])
  const fromIptc = (name: string) => tagText(iptc[name])
  const fromExif = (name: string) => tagText(exif[name])
  return {
    creator: fromXmp('creator') ?? fromIptc('By-line') ?? fromExif('Artist'),
    credit: fromXmp('Credit') ?? fromIptc('Credit'),
    copyright: fromXmp('rights') ?? fromIptc('Copyright Notice') ?? fromExif('Copyright'),
    source: fromXmp('Source') ?? fromIptc('Source'),
    webStatement: fromXmp('WebStatement'),
    dateTaken:
      normalizeDate(fromExif('DateTimeOriginal')) ??
      normalizeDate(fromXmp('DateCreated')) ??
      normalizeDate(fromXmp('CreateDate')) ??
      iptcDate(fromIptc('Date Created'), fromIptc('Time Created')),
    headline: fromXmp('Headline') ?? fromIptc('Headline'),
    title: fromXmp('title') ?? fromIptc('Object Name'),
    description: fromXmp('description') ?? fromIptc('Caption/Abstract') ?? fromExif('ImageDescription'),
  }
}

// ---------------------------------------------------------------------------------------------
// Filling the photo's fields

/** The fields of a photo that its metadata can fill. */
export interface PhotoFields {
  alt?: string | null
  caption?: string | null
  credit?: PhotoCredit | null
}

/**
 * The values to fill in from the file's metadata: only fields that are empty, so nothing a person
 * typed is ever replaced. Returns the changes alone (an empty object when there are none).
 *
 * - Creator / By-line → photographer. Headline (else title) → alt text. Description → caption.
 *   Copyright notice → copyright. Web statement of rights → licence URL (when it is an http(s) URL).
 * - Credit line (photoshop:Credit / IPTC Credit), or the Source when there is no credit:
 *   - without "/", it names the agency or provider ("AFP", "Courtesy of the family") → provider,
 *     unless it merely repeats the photographer's name;
 *   - with "/", it is a full credit line ("Kevin Dietsch/Getty Images/AFP"). When it starts with the
 *     photographer's name, the rest is the provider ("Abdulaziz KETAZ / AFP" → "AFP"); otherwise it is
 *     kept verbatim as the credit line, provided nobody typed any part of the credit.
 */
export function fillFromEmbedded(current: PhotoFields, embedded: EmbeddedMetadata): PhotoFields {
  const changes: PhotoFields = {}
  const credit: PhotoCredit = {}
  const typed = current.credit ?? {}

  const alt = embedded.headline ?? embedded.title
  if (isBlank(current.alt) && alt) changes.alt = alt
  if (isBlank(current.caption) && embedded.description) changes.caption = embedded.description

  if (isBlank(typed.creator) && embedded.creator) credit.creator = embedded.creator
  const creator = isBlank(typed.creator) ? (embedded.creator ?? '') : (typed.creator ?? '')

  const creditText = embedded.credit ?? embedded.source
  if (creditText) {
    const slash = creditText.indexOf('/')
    if (slash === -1) {
      if (isBlank(typed.provider) && !sameName(creditText, creator)) credit.provider = creditText
    } else {
      const head = creditText.slice(0, slash).trim()
      const tail = creditText.slice(slash + 1).trim()
      if (creator && sameName(head, creator) && tail) {
        if (isBlank(typed.provider)) credit.provider = tail
      } else if (isBlank(typed.creator) && isBlank(typed.provider) && isBlank(typed.line)) {
        credit.line = creditText
      }
    }
  }
  if (isBlank(typed.copyright) && embedded.copyright) credit.copyright = embedded.copyright
  if (isBlank(typed.license) && embedded.webStatement && isHttpUrl(embedded.webStatement)) {
    credit.license = embedded.webStatement
  }
  if (Object.keys(credit).length > 0) changes.credit = credit
  return changes
}

export function isBlank(value: unknown): boolean {
  return value == null || (typeof value === 'string' && value.trim() === '')
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase()
}

// ---------------------------------------------------------------------------------------------
// Reading exifreader's values

function group(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/**
 * Text from an XMP property: a simple value, a language alternative (the default language, else
 * the first), or a sequence or bag (several creators: all of them).
 */
function xmpText(tag: unknown): string | null {
  if (!tag || typeof tag !== 'object' || !('value' in tag)) return null
  const { value } = tag as { value: unknown }
  if (typeof value === 'string') return clean(value)
  if (!Array.isArray(value)) return null
  const items = value as { attributes?: { lang?: string } }[]
  if (items.length > 0 && items.every((item) => item?.attributes?.lang)) {
    return xmpText(items.find((item) => item.attributes?.lang === 'x-default') ?? items[0])
  }
  return joinTexts(items.map(xmpText))
}

/** Text from an EXIF or IPTC tag (a repeated IPTC dataset, such as several By-lines: all of them). */
function tagText(tag: unknown): string | null {
  if (Array.isArray(tag)) return joinTexts(tag.map(tagText))
  if (!tag || typeof tag !== 'object' || !('description' in tag)) return null
  const { description } = tag as { description: unknown }
  return typeof description === 'string' ? clean(description) : null
}

function joinTexts(texts: (string | null)[]): string | null {
  const kept = texts.filter((text): text is string => Boolean(text))
  return kept.length > 0 ? kept.join(', ') : null
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

function clean(text: string): string | null {
  const cleaned = text.replace(CONTROL, '').trim()
  return cleaned === '' ? null : cleaned
}

/** EXIF "2025:04:03 09:12:00" → "2025-04-03T09:12:00"; ISO dates pass; anything else as written. */
export function normalizeDate(text: string | null): string | null {
  if (!text) return null
  const exif = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(.*)$/.exec(text)
  if (exif) return `${exif[1]}-${exif[2]}-${exif[3]}T${exif[4]}${exif[5]?.trim() ?? ''}`
  return text
}

/** IPTC DateCreated "20250403" + TimeCreated "091200+0300" → "2025-04-03T09:12:00+03:00". */
export function iptcDate(date: string | null, time: string | null): string | null {
  const day = date ? /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(date) : null
  if (!day) return date
  const iso = `${day[1]}-${day[2]}-${day[3]}`
  const clock = time ? /^(\d{2}):?(\d{2}):?(\d{2})(?:([+-])(\d{2}):?(\d{2}))?$/.exec(time) : null
  if (!clock) return iso
  const zone = clock[4] ? `${clock[4]}${clock[5]}:${clock[6]}` : ''
  return `${iso}T${clock[1]}:${clock[2]}:${clock[3]}${zone}`
}

function describeProblem(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return typeof error === 'string' ? error : 'unreadable metadata'
}


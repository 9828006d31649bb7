import * as exifrModule from 'exifr'
import { decodeXmlEntities, isWebp, webpMetadata } from './xmp'

// exifr ships an ES module (bundlers, Vitest) whose default export lacks `sidecar`, and a UMD file
// (plain Node) whose functions all hang off the default export: take each from wherever it is.
type ExifrModule = typeof exifrModule
const exifrDefault = (exifrModule as unknown as { default?: Partial<ExifrModule> }).default
const exifr = {
  parse: (exifrModule.parse ?? exifrDefault?.parse) as ExifrModule['parse'],
  sidecar: (exifrModule.sidecar ?? exifrDefault?.sidecar) as ExifrModule['sidecar'],
}

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

type ExifrOptions = Exclude<Parameters<typeof exifr.parse>[1], boolean | unknown[] | undefined>

const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: false,
  xmp: true,
  iptc: true,
  icc: false,
  jfif: false,
  ihdr: false,
  interop: false,
  ifd1: false,
  makerNote: false,
  userComment: false,
  mergeOutput: false,
  // Dates and names as written in the file, not turned into Date objects in the server's time zone.
  reviveValues: false,
  translateValues: false,
  // Not in exifr's types, but read: a broken block is reported in `errors`, the rest still parsed.
  silentErrors: true,
} as ExifrOptions

/** Reads IPTC, XMP and EXIF from an image file's bytes (JPEG, PNG, AVIF, TIFF, and WebP). */
export async function readEmbeddedMetadata(bytes: Uint8Array): Promise<ReadResult> {
  const problems: string[] = []
  const raw: Record<string, unknown> = {}
  const collect = (output: unknown) => {
    if (!output || typeof output !== 'object') return
    for (const [key, value] of Object.entries(output)) {
      if (key === 'errors') problems.push(...(Array.isArray(value) ? value : [value]).map(describeProblem))
      else if (raw[key] === undefined) raw[key] = value
    }
  }
  try {
    if (isWebp(bytes)) {
      // exifr does not read WebP: hand it the two blocks the container carries.
      const { xmp, exif } = webpMetadata(bytes)
      if (xmp) collect({ ...((await exifr.sidecar(xmp, { mergeOutput: false }, 'xmp')) as object) })
      if (exif) collect(await exifr.parse(exif, EXIFR_OPTIONS))
    } else {
      collect(await exifr.parse(bytes, EXIFR_OPTIONS))
    }
  } catch (error) {
    problems.push(describeProblem(error))
  }
  return { metadata: embeddedFromExifr(raw), problems }
}

/**
 * The values Masthead keeps from exifr's output (read with `mergeOutput: false`: one object per
 * IFD / IPTC record / XMP namespace prefix). XMP wins over IPTC, which wins over EXIF: agencies
 * update XMP, and IPTC and EXIF are often older copies.
 */
export function embeddedFromExifr(raw: Record<string, unknown>): EmbeddedMetadata {
  const dc = group(raw, 'dc')
  const photoshop = group(raw, 'photoshop')
  const rights = group(raw, 'xmpRights')
  const xmpBasic = group(raw, 'xmp')
  const iptc = group(raw, 'iptc')
  const ifd0 = group(raw, 'ifd0')
  const exif = group(raw, 'exif')
  const fromXmp = (value: unknown) => xmpText(value)
  const fromIptc = (value: unknown) => iptcText(value)
  const fromExif = (value: unknown) => plainText(value)
  return {
    creator: fromXmp(dc.creator) ?? fromIptc(iptc.Byline) ?? fromExif(ifd0.Artist),
    credit: fromXmp(photoshop.Credit) ?? fromIptc(iptc.Credit),
    copyright: fromXmp(dc.rights) ?? fromIptc(iptc.CopyrightNotice) ?? fromExif(ifd0.Copyright),
    source: fromXmp(photoshop.Source) ?? fromIptc(iptc.Source),
    webStatement: fromXmp(rights.WebStatement),
    dateTaken:
      normalizeDate(fromExif(exif.DateTimeOriginal)) ??
      normalizeDate(fromXmp(photoshop.DateCreated)) ??
      normalizeDate(fromXmp(xmpBasic.CreateDate)) ??
      iptcDate(fromIptc(iptc.DateCreated), fromIptc(iptc.TimeCreated)),
    headline: fromXmp(photoshop.Headline) ?? fromIptc(iptc.Headline),
    title: fromXmp(dc.title) ?? fromIptc(iptc.ObjectName),
    description: fromXmp(dc.description) ?? fromIptc(iptc.Caption) ?? fromExif(ifd0.ImageDescription),
  }
}

// ---------------------------------------------------------------------------------------------
// Filling the photo's fields

export interface PhotoCreditFields {
  creator?: string | null
  provider?: string | null
  line?: string | null
  copyright?: string | null
  license?: string | null
}

export interface PhotoFields {
  alt?: string | null
  caption?: string | null
  credit?: PhotoCreditFields | null
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
  const credit: PhotoCreditFields = {}
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
  if (isBlank(typed.license) && embedded.webStatement && /^https?:\/\/\S+$/.test(embedded.webStatement)) {
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
// Reading exifr's values

function group(raw: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = raw[name]
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** Text from an XMP value: a string, a language alternative ({ lang, value }), or a list of either. */
function xmpText(value: unknown): string | null {
  if (Array.isArray(value)) {
    // Language alternatives: the default language first. Sequences and bags (several creators): all.
    const alternatives = value.filter(isLangAlt)
    if (alternatives.length === value.length && alternatives.length > 0) {
      const preferred = alternatives.find((item) => item.lang === 'x-default') ?? alternatives[0]
      return xmpText(preferred?.value)
    }
    return joinTexts(value.map(xmpText))
  }
  if (isLangAlt(value)) return xmpText(value.value)
  const text = plainText(value)
  return text === null ? null : clean(decodeXmlEntities(text))
}

function isLangAlt(value: unknown): value is { lang?: string; value: unknown } {
  return typeof value === 'object' && value !== null && 'value' in value
}

/** IPTC IIM text: exifr reads it as Latin-1, but agencies write UTF-8 (with the ESC % G marker). */
function iptcText(value: unknown): string | null {
  if (Array.isArray(value)) return joinTexts(value.map(iptcText))
  const text = plainText(value)
  return text === null ? null : clean(utf8FromLatin1(text))
}

function plainText(value: unknown): string | null {
  if (typeof value === 'string') return clean(value)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString()
  if (Array.isArray(value)) return joinTexts(value.map(plainText))
  return null
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

/** "KETAZ Ã©" (UTF-8 bytes read as Latin-1) → "KETAZ é"; real Latin-1 text is left as it is. */
export function utf8FromLatin1(text: string): string {
  if (!/[\u0080-\u00ff]/.test(text) || /[^\u0000-\u00ff]/.test(text)) return text
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(text, 'latin1'))
  } catch {
    return text
  }
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


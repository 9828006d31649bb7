/**
 * The one XML writer of the site: the RSS feeds and the sitemaps build a tree of elements and this
 * writes it, escaping every text and attribute value the same way (`escapeXml`, also used by the XMP
 * packets of served photos and the seed's placeholder SVG).
 * Our own (about fifty lines) rather than a library: the documents are small, fixed vocabularies,
 * and the `feed` package we used before needed five workarounds and string patches on its output.
 *
 * Pure: no environment, no I/O.
 */

// Characters XML 1.0 does not allow at all, even escaped: C0 controls other than tab, LF and CR,
// lone surrogates, and U+FFFE/U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Any character escapeXml drops or escapes (a lone surrogate is told from a pair only by NOT_XML). */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text safe inside an XML element or a double- or single-quoted attribute. Characters XML cannot
 * carry are dropped, so that one stray control character cannot break a feed.
 */
export function escapeXml(text: string): string {
  // Most texts need neither: one scan instead of two replacements (a sitemap part writes 10,000 texts).
  if (!NEEDS_ESCAPE.test(text)) return text
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/** An attribute value; absent ones (undefined, null, "") are left out of the tag. */
export type XmlAttributeValue = string | number | null | undefined

export interface XmlElement {
  name: string
  attributes: Record<string, XmlAttributeValue>
  children: XmlNode[]
}

/** An element already written (by writeElement), placed as it is. */
export interface XmlWritten {
  written: string
}

/** A child: an element, text (escaped when written), or an element already written. */
export type XmlNode = XmlElement | XmlWritten | string

type Child = XmlNode | null | undefined | false | Child[]

/**
 * An element. Children may be nested arrays (a list of items) and may hold null, undefined or false
 * for what a document leaves out, so builders read as the document they write.
 */
export function el(name: string, attributes: Record<string, XmlAttributeValue> = {}, ...children: Child[]): XmlElement {
  return { name, attributes, children: flatten(children) }
}

/** An element holding one text, or nothing at all when the text is absent or blank. */
export function textEl(name: string, text: string | number | null | undefined, attributes: Record<string, XmlAttributeValue> = {}): XmlElement | null {
  if (text === null || text === undefined) return null
  const value = String(text)
  return value.trim() === '' ? null : el(name, attributes, value)
}

/**
 * An element written now, to be placed in a parent later: a document of thousands of entries (a
 * sitemap part) then never holds all their elements at once, only their text. (The whole tree of a
 * 5,000-URL part lived through the render, and the server's early full collections,
 * server/server-process.ts, paid for it on every part.)
 */
export function written(element: XmlElement, options: XmlWriteOptions = {}): XmlWritten {
  return { written: writeElement(element, Infinity, options) }
}

function flatten(children: Child[], into: XmlNode[] = []): XmlNode[] {
  for (const child of children) {
    if (Array.isArray(child)) flatten(child, into)
    else if (child !== null && child !== undefined && child !== false) into.push(child)
  }
  return into
}

export interface XmlWriteOptions {
  /** Spaces per level of indentation. */
  indent?: number
  /** From this depth down (the root is 0), each element is written on one line. Unlimited by default. */
  inlineFrom?: number
}

/** A whole document: the XML declaration, the root element, a final newline. */
export function xmlDocument(root: XmlElement, options: XmlWriteOptions = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeElement(root, 0, options)}\n`
}

/** One element and its descendants, with no declaration (for a fragment such as an XMP packet). */
export function writeElement(element: XmlElement, depth = 0, options: XmlWriteOptions = {}): string {
  // Loops and string concatenation rather than entries/map/join: a 5,000-URL sitemap part was 15,000
  // elements, and the arrays those allocated per element were most of its 50 ms.
  const { indent = 2, inlineFrom = Infinity } = options
  let open = `<${element.name}`
  for (const name in element.attributes) {
    const value = element.attributes[name]
    if (value !== null && value !== undefined && value !== '') open += ` ${name}="${escapeXml(String(value))}"`
  }
  const { children } = element
  if (children.length === 0) return `${open}/>`
  // Text is never indented (whitespace inside it would change it); so is everything below inlineFrom.
  const inline = depth >= inlineFrom || children.some((child) => typeof child === 'string')
  let inner = ''
  if (inline) {
    for (const child of children) inner += writeChild(child, Infinity, options)
    return `${open}>${inner}</${element.name}>`
  }
  const pad = `\n${' '.repeat(indent * (depth + 1))}`
  for (const child of children) inner += pad + writeChild(child, depth + 1, options)
  return `${open}>${inner}\n${' '.repeat(indent * depth)}</${element.name}>`
}

function writeChild(child: XmlNode, depth: number, options: XmlWriteOptions): string {
  if (typeof child === 'string') return escapeXml(child)
  return 'written' in child ? child.written : writeElement(child, depth, options)
}

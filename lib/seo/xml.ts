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

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text safe inside an XML element or a double- or single-quoted attribute. Characters XML cannot
 * carry are dropped, so that one stray control character cannot break a feed.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/** An attribute value; absent ones (undefined, null, "") are left out of the tag. */
export type XmlAttributeValue = string | number | null | undefined

export interface XmlElement {
  name: string
  attributes: Record<string, XmlAttributeValue>
  children: XmlNode[]
}

/** A child: an element, or text (escaped when written). */
export type XmlNode = XmlElement | string

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

function flatten(children: Child[]): XmlNode[] {
  return children.flatMap((child): XmlNode[] => {
    if (Array.isArray(child)) return flatten(child)
    return child === null || child === undefined || child === false ? [] : [child]
  })
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
  const { indent = 2, inlineFrom = Infinity } = options
  const attributes = Object.entries(element.attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('')
  const open = `<${element.name}${attributes}`
  if (element.children.length === 0) return `${open}/>`
  // Text is never indented (whitespace inside it would change it); so is everything below inlineFrom.
  const inline = depth >= inlineFrom || element.children.some((child) => typeof child === 'string')
  if (inline) {
    const inner = element.children.map((child) => (typeof child === 'string' ? escapeXml(child) : writeElement(child, Infinity, options))).join('')
    return `${open}>${inner}</${element.name}>`
  }
  const pad = ' '.repeat(indent * (depth + 1))
  const inner = element.children.map((child) => `\n${pad}${writeElement(child as XmlElement, depth + 1, options)}`).join('')
  return `${open}>${inner}\n${' '.repeat(indent * depth)}</${element.name}>`
}

import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { el, escapeXml, textEl, writeElement, written, xmlDocument } from '@/lib/seo/xml'

describe('escapeXml', () => {
  it('escapes the five markup characters and drops characters XML cannot hold', () => {
    expect(escapeXml(`a & b < c > d "e" 'f'\u0000\u000b`)).toBe('a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;')
    expect(escapeXml('tab\tnewline\n\uD800lone 😀 \uFFFE')).toBe('tab\tnewline\nlone 😀 ')
    // Each on its own, with nothing else to escape (text that needs nothing is returned as is).
    for (const [text, written] of [['\u0001', ''], ['x\uDC00', 'x'], ['\uFFFF', ''], ['&', '&amp;'], ["'", '&apos;'], ['😀 plain', '😀 plain']]) {
      expect(escapeXml(text!)).toBe(written)
    }
  })

  it('escapes "&amp;" again, so that text comes back exactly as written', () => {
    expect(escapeXml('&amp; ]]>')).toBe('&amp;amp; ]]&gt;')
  })
})

describe('the XML writer', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false })

  it('writes a declaration, indented elements, inline text and self-closed empty elements', () => {
    const doc = el('root', { xmlns: 'urn:x' }, el('a', {}, 'one'), el('b', { href: 'x' }), el('c', {}, el('d', {}, 'two')))
    expect(xmlDocument(doc)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<root xmlns="urn:x">\n  <a>one</a>\n  <b href="x"/>\n  <c>\n    <d>two</d>\n  </c>\n</root>\n',
    )
  })

  it('writes everything below inlineFrom on one line', () => {
    const doc = el('set', {}, el('url', {}, el('loc', {}, 'x'), el('lastmod', {}, 'y')), el('url', {}, el('loc', {}, 'z')))
    expect(xmlDocument(doc, { inlineFrom: 1 })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<set>\n  <url><loc>x</loc><lastmod>y</lastmod></url>\n  <url><loc>z</loc></url>\n</set>\n',
    )
  })

  it('places elements written beforehand exactly where the tree would have written them', () => {
    const url = (loc: string) => el('url', {}, el('loc', {}, loc), textEl('lastmod', null))
    const tree = el('set', {}, url('a & b'), url('c'))
    const early = el('set', {}, written(url('a & b')), written(url('c')))
    expect(xmlDocument(early, { inlineFrom: 1 })).toBe(xmlDocument(tree, { inlineFrom: 1 }))
    expect(xmlDocument(early, { inlineFrom: 1 })).toContain('\n  <url><loc>a &amp; b</loc></url>\n')
    // Inline parents take it as is too.
    expect(writeElement(el('p', {}, 'x ', written(el('b', {}, '<y>'))))).toBe('<p>x <b>&lt;y&gt;</b></p>')
  })

  it('leaves out absent children and attributes, and flattens lists', () => {
    const doc = el('r', { a: null, b: undefined, c: '', d: 0, e: 'yes' }, null, false, undefined, [el('i', {}, '1'), [el('i', {}, '2')]], textEl('blank', '  '), textEl('none', null))
    expect(writeElement(doc)).toBe('<r d="0" e="yes">\n  <i>1</i>\n  <i>2</i>\n</r>')
  })

  it('keeps hostile text and attribute values exactly as given and stays well-formed', () => {
    const text = `Tom & Jerry's "<b>quotes</b>" ]]> &amp; <!-- x --> \u0001`
    const xml = xmlDocument(el('r', { title: text }, el('t', {}, text), el('m', {}, 'a ', el('b', {}, 'bold'), ' c')))
    expect(XMLValidator.validate(xml)).toBe(true)
    const parsed = parser.parse(xml) as { r: { '@title': string; t: string; m: Record<string, string> } }
    const expected = text.replace('\u0001', '')
    expect(parsed.r['@title']).toBe(expected)
    expect(parsed.r.t).toBe(expected)
    // Mixed content is written inline, so no indentation creeps into the text.
    expect(xml).toContain('<m>a <b>bold</b> c</m>')
  })
})

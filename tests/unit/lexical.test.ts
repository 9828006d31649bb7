import { createHeadlessEditor } from '@lexical/headless'
import { $getRoot } from 'lexical'
import { buildEditorState } from '@payloadcms/richtext-lexical'
import { describe, expect, it } from 'vitest'
import { lexicalToParagraphs, paragraphsToLexical } from '@/lib/text/lexical'

describe('paragraphsToLexical', () => {
  it('builds root → paragraph → text nodes, version 1, left to right', () => {
    expect(paragraphsToLexical(['First “quoted” paragraph.', 'Second — with a dash.'])).toEqual({
      root: {
        type: 'root',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        children: [
          {
            type: 'paragraph',
            direction: 'ltr',
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            version: 1,
            children: [
              { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: 'First “quoted” paragraph.', version: 1 },
            ],
          },
          {
            type: 'paragraph',
            direction: 'ltr',
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            version: 1,
            children: [
              { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text: 'Second — with a dash.', version: 1 },
            ],
          },
        ],
      },
    })
  })

  it('is exactly what Payload’s own buildEditorState makes for one paragraph', () => {
    const text = "Debris lie at the scene of an Israeli strike in Syria's southern Hama governorate."
    expect(paragraphsToLexical([text])).toStrictEqual(buildEditorState({ text }))
  })

  it('survives a round trip through a real Lexical editor unchanged', () => {
    const state = paragraphsToLexical(['One.', 'Two, with a\nline break.', '', 'Four.'])
    const editor = createHeadlessEditor({ nodes: [], onError: (error) => { throw error } })
    const parsed = editor.parseEditorState(JSON.stringify(state))
    expect(JSON.parse(JSON.stringify(parsed.toJSON()))).toEqual(state)
    expect(parsed.read(() => $getRoot().getTextContent())).toBe('One.\n\nTwo, with a\nline break.\n\n\n\nFour.')
  })

  it('keeps text unchanged: no trimming, no entity escaping, no typographic changes', () => {
    const text = '  "Straight" and “curly” quotes, <b>tags</b> & ampersands — dashes…  '
    const state = paragraphsToLexical([text])
    expect(state.root.children[0]?.children).toEqual([
      { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 },
    ])
  })

  it('turns a line break inside a paragraph into a line-break node', () => {
    const [paragraph] = paragraphsToLexical(['Ahmed Mohammed\n30/06/2025']).root.children
    expect(paragraph?.children.map((node) => node.type)).toEqual(['text', 'linebreak', 'text'])
  })

  it('makes an empty root for no paragraphs and an empty paragraph for ""', () => {
    expect(paragraphsToLexical([]).root.children).toEqual([])
    expect(paragraphsToLexical(['']).root.children[0]?.children).toEqual([])
  })
})

describe('lexicalToParagraphs', () => {
  it('reads back exactly the paragraphs that went in', () => {
    const paragraphs = ['One.', 'Two, with a\nline break.', '', '“Four.”']
    expect(lexicalToParagraphs(paragraphsToLexical(paragraphs))).toEqual(paragraphs)
  })

  it('reads formatted text, links and headings the editor may have saved', () => {
    const state = {
      root: {
        type: 'root',
        children: [
          { type: 'heading', tag: 'h2', children: [{ type: 'text', text: 'Background', format: 1 }] },
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Read ' },
              { type: 'link', fields: { url: 'https://example.com' }, children: [{ type: 'text', text: 'the report' }] },
              { type: 'text', text: '.' },
            ],
          },
        ],
      },
    }
    expect(lexicalToParagraphs(state)).toEqual(['Background', 'Read the report.'])
  })

  it('returns nothing for empty or foreign values', () => {
    expect(lexicalToParagraphs(null)).toEqual([])
    expect(lexicalToParagraphs({})).toEqual([])
    expect(lexicalToParagraphs({ root: { children: 'no' } })).toEqual([])
  })
})

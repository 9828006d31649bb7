/**
 * Plain paragraphs ⇄ the editor state JSON that Payload's Lexical rich-text field stores.
 *
 * The shape is the one `buildEditorState` in @payloadcms/richtext-lexical produces and the admin
 * editor saves: a root node holding paragraph nodes, each holding text nodes, all version 1,
 * left-to-right, unformatted. Pure and framework-free, so that the seed, the site and the tests
 * can share it without loading the editor.
 */

export type LexicalTextNode = {
  type: 'text'
  detail: 0
  format: 0
  mode: 'normal'
  style: ''
  text: string
  version: 1
}

export type LexicalLineBreakNode = {
  type: 'linebreak'
  version: 1
}

export type LexicalParagraphNode = {
  type: 'paragraph'
  children: (LexicalTextNode | LexicalLineBreakNode)[]
  direction: 'ltr'
  format: ''
  indent: 0
  textFormat: 0
  textStyle: ''
  version: 1
}

export type LexicalEditorState = {
  root: {
    type: 'root'
    children: LexicalParagraphNode[]
    direction: 'ltr'
    format: ''
    indent: 0
    version: 1
  }
}

function textNode(text: string): LexicalTextNode {
  return { type: 'text', detail: 0, format: 0, mode: 'normal', style: '', text, version: 1 }
}

/**
 * One paragraph node per paragraph, its text unchanged. A line break inside a paragraph becomes
 * a Lexical line-break node (as Shift+Enter makes in the editor); an empty paragraph has no children,
 * as the editor stores one.
 */
export function paragraphsToLexical(paragraphs: readonly string[]): LexicalEditorState {
  return {
    root: {
      type: 'root',
      children: paragraphs.map((paragraph): LexicalParagraphNode => {
        const children: LexicalParagraphNode['children'] = []
        paragraph.split(/\r?\n/).forEach((line, index) => {
          if (index > 0) children.push({ type: 'linebreak', version: 1 })
          if (line !== '') children.push(textNode(line))
        })
        return {
          type: 'paragraph',
          children,
          direction: 'ltr',
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          version: 1,
        }
      }),
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    },
  }
}

/**
 * The plain text of each top-level block of a stored editor state (paragraphs, headings, quotes …),
 * line breaks as "\n". Tolerates whatever the editor saved: unknown nodes contribute their text children.
 */
export function lexicalToParagraphs(state: unknown): string[] {
  const root = (state as { root?: { children?: unknown } } | null | undefined)?.root
  if (!root || !Array.isArray(root.children)) return []
  return root.children.map((block) => textOf(block))
}

function textOf(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  const { type, text, children } = node as { type?: unknown; text?: unknown; children?: unknown }
  if (type === 'linebreak') return '\n'
  if (typeof text === 'string') return text
  return Array.isArray(children) ? children.map((child) => textOf(child)).join('') : ''
}

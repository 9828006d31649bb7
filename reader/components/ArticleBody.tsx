/** @jsxImportSource preact */
import type { LinkFields } from '@payloadcms/richtext-lexical'
import { convertLexicalToHTML, type HTMLConvertersFunction } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { renderToString } from 'preact-render-to-string'
import type { Media } from '@/payload-types'
import escapeHtml from 'escape-html'
import { safeHref } from '@/lib/text/links'
import { articlePath } from '@/lib/content/site'
import { Figure } from './Figure'

/** Internal links point at documents; only articles have a public URL. */
function hrefFor(fields: LinkFields): string | null {
  if (fields.linkType === 'internal') {
    const { relationTo, value } = fields.doc ?? {}
    const slug = typeof value === 'object' && value !== null ? (value as { slug?: string }).slug : undefined
    return relationTo === 'articles' && slug ? articlePath(slug) : null
  }
  return safeHref(fields.url ?? '')
}

function linkHtml(fields: LinkFields, children: string): string {
  const href = hrefFor(fields)
  // Only http(s), mailto and internal links become links; anything else (javascript:, data:) stays text.
  if (!href) return children
  const target = fields.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''
  return `<a href="${escapeHtml(href)}"${target}>${children}</a>`
}

const converters: HTMLConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link: ({ node, nodesToHTML }) => linkHtml(node.fields, nodesToHTML({ nodes: node.children }).join('')),
  autolink: ({ node, nodesToHTML }) => linkHtml(node.fields as LinkFields, nodesToHTML({ nodes: node.children }).join('')),
  upload: ({ node }) => {
    const value = (node as { value?: unknown }).value
    if (typeof value !== 'object' || value === null) return ''
    const media = value as Media
    return media.mimeType?.startsWith('image/') ? renderToString(<Figure media={media} />) : ''
  },
})

/** The story's text as HTML: Payload's Lexical converter, with the site's own links and figures. */
export const articleBodyHtml = (body: SerializedEditorState): string => convertLexicalToHTML({ data: body, converters, disableContainer: true })

export function ArticleBody({ body }: { body: SerializedEditorState }) {
  return <div className="article-body" dangerouslySetInnerHTML={{ __html: articleBodyHtml(body) }} />
}

import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { LinkFields } from '@payloadcms/richtext-lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'
import type { ReactNode } from 'react'
import type { Media } from '@/payload-types'
import { safeHref } from '@/lib/links'
import { articlePath } from '@/lib/site'
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

function renderLink(fields: LinkFields, children: ReactNode): ReactNode {
  const href = hrefFor(fields)
  // Only http(s), mailto and internal links become links; anything else (javascript:, data:) stays text.
  if (!href) return <>{children}</>
  return fields.newTab ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    <a href={href}>{children}</a>
  )
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link: ({ node, nodesToJSX }) => renderLink(node.fields, nodesToJSX({ nodes: node.children })),
  autolink: ({ node, nodesToJSX }) => renderLink(node.fields as LinkFields, nodesToJSX({ nodes: node.children })),
  upload: ({ node }) => {
    const value = (node as { value?: unknown }).value
    if (typeof value !== 'object' || value === null) return null
    const media = value as Media
    return media.mimeType?.startsWith('image/') ? <Figure media={media} /> : null
  },
})

export function ArticleBody({ body }: { body: SerializedEditorState }) {
  return <RichText data={body} converters={converters} className="article-body" />
}

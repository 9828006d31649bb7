import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Article } from '@/payload-types'
import { getPublishedArticle, getSite } from '@/lib/content/queries'
import type { Site } from '@/lib/content/site'
import { articleNinjs } from '@/lib/seo/ninjs'
import { isSlug } from '@/lib/text/slug'
import { articleBodyHtml } from '@/reader/components/ArticleBody'
import { siteDocument } from '@/reader/document'
import { sitePage } from '@/reader/page'
import { articlePage } from './article'

export const NINJS = 'application/json; charset=utf-8'
const SUFFIX = '.ninjs.json'

/** The article's ninjs JSON (lib/seo/ninjs.ts), its body rendered as on its page. */
export const ninjsJson = (article: Article, site: Site) =>
  JSON.stringify(articleNinjs(article, site, article.body ? articleBodyHtml(article.body as unknown as SerializedEditorState) : ''))

/** `/articles/<slug>.ninjs.json`: the published article only (never a draft, even in draft mode), cached like its page. */
const ninjsDocument = siteDocument<{ slug: string }>(NINJS, async ({ slug }) => {
  const article = isSlug(slug) ? await getPublishedArticle(slug) : null
  return article ? { body: ninjsJson(article, await getSite()) } : null
})

const page = sitePage<{ slug: string }>(({ slug }) => articlePage(slug))

type Context = { params: Promise<{ slug: string }> }

/** `/articles/<slug>` is the page, `/articles/<slug>.ninjs.json` the same story as ninjs. */
export async function articleRoute(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params
  if (!slug.endsWith(SUFFIX)) return page(request, { params: Promise.resolve({ slug }) })
  return ninjsDocument(request, { params: Promise.resolve({ slug: slug.slice(0, -SUFFIX.length) }) })
}

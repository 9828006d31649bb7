import { isValidID, type Endpoint } from 'payload'
import { isStaffUser } from '@/access/roles'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { siteIdentity, siteUrl } from '@/lib/content/site'
import { articleNinjs } from '@/lib/seo/ninjs'

/**
 * `GET /api/articles/:id/ninjs`: the article as IPTC ninjs, with exactly the article's own access
 * rules, because it reads through them (access control on, as the requester): anonymous readers get
 * only the published version (a draft id is a 404, `draft=true` is ignored); staff may ask for the
 * latest draft with `?draft=true`.
 */
export const ninjsEndpoint: Endpoint = {
  path: '/:id/ninjs',
  method: 'get',
  handler: async (req) => {
    const id = String(req.routeParams?.id ?? '')
    const numeric = req.payload.db.defaultIDType === 'number'
    if (!(numeric ? /^\d{1,15}$/.test(id) : isValidID(id, 'ObjectID'))) {
      return Response.json({ errors: [{ message: `${JSON.stringify(id.slice(0, 40))} is not the id of an article.` }] }, { status: 400 })
    }
    const draft = isStaffUser(req.user) && req.query?.draft === 'true'
    const article = await req.payload.findByID({
      collection: 'articles',
      id: numeric ? Number(id) : id,
      depth: 2,
      draft,
      overrideAccess: false,
      user: req.user,
      req,
      disableErrors: true,
    })
    if (!article) return Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })
    const settings = await req.payload.findGlobal({ slug: 'site-settings', depth: 0, req })
    // Loaded when asked for: the body renderer is the reader's (Preact), which the config need not load.
    const { articleBodyHtml } = await import('@/reader/components/ArticleBody')
    const body = article.body ? articleBodyHtml(article.body as unknown as SerializedEditorState) : ''
    return new Response(JSON.stringify(articleNinjs(article, { ...siteIdentity(settings), origin: siteUrl() }, body)), {
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    })
  },
}

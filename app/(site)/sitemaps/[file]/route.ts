import { siteUrl } from '@/lib/site'
import { buildSitemap, type SitemapEntry } from '@/lib/sitemap'
import { parseSitemapPart, type SitemapPart } from '@/lib/sitemap-parts'
import { getSitemapArticles, getSitemapAuthors, getSitemapPages, getSitemapTags } from '@/lib/sitemap-queries'
import { articleEntries, authorEntries, pageEntries, tagEntries } from '@/lib/sitemap-urls'

export const dynamic = 'force-static'
export const generateStaticParams = () => []

/** /sitemaps/<part>.xml: one part the index at /sitemap.xml lists; 404 for a name or page it does not. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const part = parseSitemapPart((await params).file)
  const entries = part && (await partEntries(part, siteUrl()))
  if (!entries) return new Response('Not found', { status: 404 })
  return new Response(buildSitemap(entries), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
}

async function partEntries(part: SitemapPart, origin: string): Promise<SitemapEntry[] | null> {
  switch (part.kind) {
    case 'pages': {
      const { homeLastmod, sections } = await getSitemapPages()
      return pageEntries(origin, homeLastmod, sections)
    }
    case 'tags':
      return tagEntries(await getSitemapTags(), origin)
    case 'authors': {
      const authors = await getSitemapAuthors(part.page)
      return authors && authorEntries(authors, origin)
    }
    case 'articles': {
      const articles = await getSitemapArticles(part.page)
      return articles.length > 0 ? articleEntries(articles, origin) : null
    }
  }
}

import { siteUrl } from '@/lib/content/site'
import { siteDocument, XML } from '@/reader/document'
import { buildSitemap, type SitemapEntry } from '@/lib/seo/sitemap'
import { parseSitemapPart, type SitemapPart } from '@/lib/seo/sitemap-parts'
import { getSitemapArticles, getSitemapAuthors, getSitemapPages, getSitemapTags } from '@/lib/content/sitemap-queries'
import { articleEntries, authorEntries, pageEntries, tagEntries } from '@/lib/seo/sitemap-urls'

export const dynamic = 'force-dynamic'

/** /sitemaps/<part>.xml: one part the index at /sitemap.xml lists; 404 for a name, page or month it does not. */
export const GET = siteDocument(XML, async ({ file }: { file: string }) => {
  const part = parseSitemapPart(file)
  const entries = part && (await partEntries(part, siteUrl()))
  return entries ? { body: buildSitemap(entries) } : null
})

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
      const articles = await getSitemapArticles(part.month)
      return articles.length > 0 ? articleEntries(articles, origin) : null
    }
  }
}

/** @jsxImportSource preact */
import { AuthorProfile } from '@/reader/components/AuthorProfile'
import { authorHead } from '@/lib/seo/page-head'
import { getAuthorBySlug, getSite, listByAuthor } from '@/lib/content/queries'
import type { PageResult } from '@/reader/page'
import { isSlug } from '@/lib/text/slug'

/** An author's profile and their articles, page by page. */
export async function authorPage(slug: string, page: number): Promise<PageResult> {
  const author = isSlug(slug) ? await getAuthorBySlug(slug) : null
  if (!author) return null
  const articles = await listByAuthor(author.id, page)
  if (page > 1 && articles.docs.length === 0) return null
  return { head: authorHead(author, await getSite(), page), body: <AuthorProfile author={author} articles={articles} /> }
}

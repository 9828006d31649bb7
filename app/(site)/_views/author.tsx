/** @jsxImportSource preact */
import { AuthorProfile } from '@/components/AuthorProfile'
import { authorHead } from '@/lib/page-head'
import { getAuthorBySlug, listByAuthor } from '@/lib/queries'
import type { PageResult } from '@/lib/site-page'
import { siteUrl } from '@/lib/site'
import { isSlug } from '@/lib/slug'

/** An author's profile and their articles, page by page. */
export async function authorPage(slug: string, page: number): Promise<PageResult> {
  const author = isSlug(slug) ? await getAuthorBySlug(slug) : null
  if (!author) return null
  const articles = await listByAuthor(author.id, page)
  if (page > 1 && articles.docs.length === 0) return null
  return { head: authorHead(author, siteUrl(), page), body: <AuthorProfile author={author} articles={articles} /> }
}

/** @jsxImportSource preact */
import { LatestListing } from '@/reader/components/LatestListing'
import { simpleHead } from '@/lib/seo/page-head'
import { listingPath } from '@/lib/content/pagination'
import { listLatest } from '@/lib/content/queries'
import type { PageResult } from '@/reader/page'
import { siteUrl } from '@/lib/content/site'

/** The front page (page 1) and its older pages. */
export async function latestPage(page: number): Promise<PageResult> {
  const latest = await listLatest(page)
  if (page > 1 && latest.docs.length === 0) return null
  return {
    head: simpleHead(siteUrl(), { title: page === 1 ? undefined : `Latest news, page ${page}`, path: listingPath('/', page) }),
    body: <LatestListing latest={latest} />,
  }
}

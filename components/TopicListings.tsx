import { notFound } from 'next/navigation'
import { getTagLabel, listBySection, listByTag } from '@/lib/queries'
import { sectionLabel } from '@/lib/sections'
import { sectionPath, tagPath } from '@/lib/site'
import { TopicListing } from './TopicListing'

export async function SectionListing({ slug, page }: { slug: string; page: number }) {
  const label = sectionLabel(slug)
  if (!label) notFound()
  return <TopicListing title={label} articles={await listBySection(slug, page)} basePath={sectionPath(slug)} />
}

export async function TagListing({ slug, page }: { slug: string; page: number }) {
  const label = await getTagLabel(slug)
  if (!label) notFound()
  return <TopicListing title={`Tagged “${label}”`} articles={await listByTag(slug, page)} basePath={tagPath(slug)} />
}

import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { TagListing } from '@/components/TopicListings'
import { pageNumber } from '@/lib/pagination'
import { tagPath } from '@/lib/site'

type Props = { params: Promise<{ slug: string; page: string }> }

export const generateStaticParams = () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params
  return { alternates: { canonical: `${tagPath(slug)}/page/${pageNumber(page)}` } }
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params
  if (pageNumber(page) === 1) redirect(tagPath(slug))
  return <TagListing slug={slug} page={pageNumber(page)} />
}

import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { SectionListing } from '@/components/TopicListings'
import { pageNumber } from '@/lib/pagination'
import { sectionPath } from '@/lib/site'

type Props = { params: Promise<{ slug: string; page: string }> }

export const generateStaticParams = () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params
  return { alternates: { canonical: `${sectionPath(slug)}/page/${pageNumber(page)}` } }
}

export default async function Page({ params }: Props) {
  const { slug, page } = await params
  if (pageNumber(page) === 1) redirect(sectionPath(slug))
  return <SectionListing slug={slug} page={pageNumber(page)} />
}

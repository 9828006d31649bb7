import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { pageNumber } from '@/lib/pagination'
import { LatestListing } from '@/components/LatestListing'

type Props = { params: Promise<{ page: string }> }

export const generateStaticParams = () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = pageNumber((await params).page)
  return { title: `Latest news, page ${page}`, alternates: { canonical: `/page/${page}` } }
}

export default async function LatestPage({ params }: Props) {
  const page = pageNumber((await params).page)
  if (page === 1) redirect('/')
  return <LatestListing page={page} />
}

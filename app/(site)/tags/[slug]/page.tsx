import type { Metadata } from 'next'
import { TagListing } from '@/components/TopicListings'
import { tagPath } from '@/lib/site'

type Props = { params: Promise<{ slug: string }> }

export const generateStaticParams = () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { alternates: { canonical: tagPath((await params).slug) } }
}

export default async function Page({ params }: Props) {
  return <TagListing slug={(await params).slug} page={1} />
}

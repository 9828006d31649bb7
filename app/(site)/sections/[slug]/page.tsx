import type { Metadata } from 'next'
import { SectionListing } from '@/components/TopicListings'
import { sectionPath } from '@/lib/site'

type Props = { params: Promise<{ slug: string }> }

export const generateStaticParams = () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { alternates: { canonical: sectionPath((await params).slug) } }
}

export default async function Page({ params }: Props) {
  return <SectionListing slug={(await params).slug} page={1} />
}

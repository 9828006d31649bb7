import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { AuthorProfile } from '@/components/AuthorProfile'
import { pageNumber } from '@/lib/pagination'
import { authorPath } from '@/lib/site'

type Props = { params: Promise<{ slug: string; page: string }> }

export const generateStaticParams = () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params
  return { alternates: { canonical: `${authorPath(slug)}/page/${pageNumber(page)}` } }
}

export default async function AuthorArchivePage({ params }: Props) {
  const { slug, page } = await params
  if (pageNumber(page) === 1) redirect(authorPath(slug))
  return <AuthorProfile slug={slug} page={pageNumber(page)} />
}

import type { Metadata } from 'next'
import { AuthorProfile } from '@/components/AuthorProfile'
import { getAuthorBySlug } from '@/lib/queries'
import { authorPath } from '@/lib/site'

type Props = { params: Promise<{ slug: string }> }

export const generateStaticParams = () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params
  const author = await getAuthorBySlug(slug)
  if (!author) return { title: 'Author not found' }
  return {
    title: author.name,
    description: author.bio ?? `${author.jobTitle ?? 'Articles'} by ${author.name}`,
    alternates: { canonical: authorPath(slug) },
    openGraph: { type: 'profile', title: author.name },
  }
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorProfile slug={(await params).slug} page={1} />
}

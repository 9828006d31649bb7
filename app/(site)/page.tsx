import { LatestListing } from '@/components/LatestListing'

export default function Home() {
  return <LatestListing page={1} />
}

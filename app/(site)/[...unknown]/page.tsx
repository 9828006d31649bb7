import { notFound } from 'next/navigation'

// Any URL no other route claims: the site's own 404 page, inside the site's layout, with a real 404 status.
export default function Unknown() {
  notFound()
}

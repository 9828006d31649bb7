import { notFound } from 'next/navigation'

/** The page number in a `/page/<n>` URL; anything but a positive whole number is a 404. */
export function pageNumber(segment: string): number {
  if (!/^[1-9]\d{0,5}$/.test(segment)) notFound()
  return Number(segment)
}

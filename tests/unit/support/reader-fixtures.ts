import type { Article, Author, Media } from '@/payload-types'
import { DEFAULT_SITE, type Site } from '@/lib/content/site'

/** Documents shaped like the Local API returns them at depth 1, for the reader-site builders. */

export const ORIGIN = 'https://news.example'

/** The site with default settings (as before an editor fills them in). */
export const SITE: Site = { ...DEFAULT_SITE, origin: ORIGIN }

export function media(overrides: Partial<Media> = {}): Media {
  return {
    id: 7,
    alt: 'Men carry a wounded child through a street in Damascus',
    caption: 'Rescuers at the scene on Monday.',
    credit: { creator: 'Abdulaziz KETAZ', provider: 'AFP', line: 'Abdulaziz KETAZ / AFP', copyright: '© AFP 2025', license: 'https://www.afp.com/en/terms' },
    url: '/api/media/file/damascus.webp',
    filename: 'damascus.webp',
    mimeType: 'image/webp',
    filesize: 512_000,
    width: 3000,
    height: 2000,
    sizes: {
      thumbnail: { url: '/api/media/file/damascus-400x300.webp', width: 400, height: 300, mimeType: 'image/webp', filesize: 20_000 },
      hero: { url: '/api/media/file/damascus-1600x1067.webp', width: 1600, height: 1067, mimeType: 'image/webp', filesize: 150_000 },
      social: { url: '/api/media/file/damascus-1200x630.webp', width: 1200, height: 630, mimeType: 'image/webp', filesize: 90_000 },
    },
    updatedAt: '2025-06-30T08:00:00.000Z',
    createdAt: '2025-06-30T08:00:00.000Z',
    ...overrides,
  }
}

export function author(overrides: Partial<Author> = {}): Author {
  return {
    id: 3,
    name: 'Ahmed Mohammed',
    slug: 'ahmed-mohammed',
    jobTitle: 'Correspondent',
    updatedAt: '2025-06-01T00:00:00.000Z',
    createdAt: '2025-06-01T00:00:00.000Z',
    ...overrides,
  }
}

export function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 1,
    title: 'Ceasefire holds in Damascus suburbs',
    standfirst: 'A fragile truce entered its second day.',
    slug: 'ceasefire-holds-in-damascus-suburbs',
    authors: [author()],
    leadImage: media(),
    publishedAt: '2025-06-30T10:00:00.000Z',
    updatedAt: '2025-06-30T12:30:00.000Z',
    createdAt: '2025-06-30T09:00:00.000Z',
    section: 'world',
    tags: ['Syria', 'Ceasefire'],
    dateline: 'Damascus',
    _status: 'published',
    ...overrides,
  }
}

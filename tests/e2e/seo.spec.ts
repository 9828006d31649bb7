import { expect, test } from '@playwright/test'
import { E2E_URL } from './support/server'
import { seeded, SEEDED_URL } from './support/seeded'
import { asArray, fetchXml, sitemapParts } from './support/sitemaps'

test('the article page describes itself to search engines and social networks', async ({ page }) => {
  await page.goto(SEEDED_URL)
  const absolute = `${E2E_URL}${SEEDED_URL}`
  await expect(page).toHaveTitle(`${seeded.title} · Masthead`)
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', seeded.standfirst)
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', absolute)
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', seeded.title)
  await expect(page.locator('meta[property="og:image"]').first()).toHaveAttribute('content', new RegExp(`^${E2E_URL}/api/media/file/.*1200x630\\.webp$`))
  await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute('content', /^2025-06-30/)
  await expect(page.locator('meta[property="article:author"]')).toHaveAttribute('content', `${E2E_URL}/authors/ahmed-mohammed`)
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image')

  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents()
  const data = blocks.map((block) => JSON.parse(block))
  const article = data.find((item) => item['@type'] === 'NewsArticle')
  expect(article).toMatchObject({
    '@context': 'https://schema.org',
    headline: seeded.title,
    description: seeded.standfirst,
    mainEntityOfPage: { '@id': absolute },
    author: [{ '@type': 'Person', name: 'Ahmed Mohammed', url: `${E2E_URL}/authors/ahmed-mohammed` }],
    publisher: { '@type': 'NewsMediaOrganization', name: 'Masthead' },
    image: {
      '@type': 'ImageObject',
      caption: seeded.photo!.caption,
      creditText: 'Abdulaziz KETAZ / AFP',
      creator: { '@type': 'Person', name: 'Abdulaziz KETAZ' },
    },
  })
  expect(article.datePublished).toMatch(/^2025-06-30/)
  expect(article.image.contentUrl).toMatch(new RegExp(`^${E2E_URL}/api/media/file/`))
  expect((await page.request.get(article.image.contentUrl)).status()).toBe(200)
  const breadcrumbs = data.find((item) => item['@type'] === 'BreadcrumbList')
  expect(breadcrumbs.itemListElement.at(-1)).toMatchObject({ position: breadcrumbs.itemListElement.length, name: seeded.title })
})

test('the RSS feed lists the article with its photo and credit', async ({ request }) => {
  const feed = await fetchXml(request, '/feed.xml')
  expect(feed.rss['@version']).toBe('2.0')
  expect(feed.rss['@xmlns:media']).toBe('http://search.yahoo.com/mrss/')
  const items = asArray(feed.rss.channel.item)
  const item = items.find((entry: { title: string }) => entry.title === seeded.title)
  expect(item).toBeDefined()
  expect(item.link).toBe(`${E2E_URL}${SEEDED_URL}`)
  expect(item.description).toBe(seeded.standfirst.replaceAll('"', '&quot;'))
  expect(new Date(item.pubDate).toISOString()).toMatch(/^2025-06-30/)
  expect(item['media:content']['@medium']).toBe('image')
  expect(item['media:content']['@url']).toMatch(new RegExp(`^${E2E_URL}/api/media/file/`))
  expect(item['media:content']['media:credit']['#text']).toBe('Abdulaziz KETAZ / AFP')
})

test('the sitemap index lists its parts, the parts list the public pages, and robots.txt names both sitemaps', async ({ request }) => {
  // sitemapParts checks that every part the index lists answers 200 with well-formed XML.
  const parts = await sitemapParts(request)
  const part = (name: string) => parts.get(`${E2E_URL}/sitemaps/${name}.xml`)
  // The seeded piece is in its month's part (it was published on 30 June 2025, UTC).
  const seededMonth = `articles-${seeded.publishedDate.slice(0, 7)}`
  expect([...parts.keys()]).toEqual(
    expect.arrayContaining(['pages', 'tags', 'authors-1', seededMonth].map((name) => `${E2E_URL}/sitemaps/${name}.xml`)),
  )
  expect(part('pages')).toContain(`${E2E_URL}/`)
  expect(part(seededMonth)).toContain(`${E2E_URL}${SEEDED_URL}`)
  expect(part('authors-1')).toContain(`${E2E_URL}/authors/ahmed-mohammed`)
  // A part the index does not list, or a name no part has, is not found.
  expect((await request.get('/sitemaps/articles-1999-01.xml')).status()).toBe(404)
  expect((await request.get('/sitemaps/articles-1.xml')).status()).toBe(404)
  expect((await request.get('/sitemaps/1.xml')).status()).toBe(404)

  // Published in 2025: older than two days, so not news any more.
  const news = await fetchXml(request, '/news-sitemap.xml')
  expect(news.urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
  expect(asArray(news.urlset.url).map((url: { loc: string }) => url.loc)).not.toContain(`${E2E_URL}${SEEDED_URL}`)

  const robots = await request.get('/robots.txt')
  expect(robots.status()).toBe(200)
  const text = await robots.text()
  expect(text).toContain(`Sitemap: ${E2E_URL}/sitemap.xml`)
  expect(text).toContain(`Sitemap: ${E2E_URL}/news-sitemap.xml`)
  expect(text).toMatch(/Disallow: \/admin/)
})

import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test'
import { XMLParser } from 'fast-xml-parser'
import { paragraphsToLexical } from '../../lib/text/lexical'
import { E2E_URL } from './support/server'
import { ADMIN_STATE } from './support/accounts'
import { sitemapParts } from './support/sitemaps'

// The editor's API calls carry the session cookie, so they say where they come from, as the admin's do
// (Payload takes a cookie only from the site's own origin).
test.use({ storageState: ADMIN_STATE, extraHTTPHeaders: { Origin: E2E_URL } })

const title = `Ceasefire talks resume in Doha ${Date.now()}`
const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
const articleUrl = `/articles/${slug}`
const tagPage = '/tags/e2e-desk'
const xml = new XMLParser()

/** Everything a reader could reach the story through, fetched anonymously (no cookies). */
async function readerView(reader: APIRequestContext) {
  const get = async (url: string) => {
    const response = await reader.get(url)
    return { status: response.status(), text: await response.text() }
  }
  const [article, home, section, tag, feed, news] = await Promise.all(
    [articleUrl, '/', '/sections/politics', tagPage, '/feed.xml', '/news-sitemap.xml'].map(get),
  )
  const sitemap = [...(await sitemapParts(reader)).values()].flat()
  return {
    article: article!.status === 200 && article!.text.includes(title),
    articleStatus: article!.status,
    home: home!.text.includes(title),
    section: section!.text.includes(title),
    tag: tag!.status === 200 && tag!.text.includes(title),
    feed: JSON.stringify(xml.parse(feed!.text)).includes(title),
    sitemap: sitemap.includes(`${E2E_URL}${articleUrl}`),
    news: news!.text.includes(`${E2E_URL}${articleUrl}`),
  }
}

const nowhere = { article: false, home: false, section: false, tag: false, feed: false, sitemap: false, news: false }
const everywhere = { article: true, home: true, section: true, tag: true, feed: true, sitemap: true, news: true }

test('a draft is invisible to readers, appears everywhere the moment it is published, and vanishes when unpublished', async ({ page }) => {
  // An empty storage state: the file-level admin session must not leak into the reader's requests.
  const reader = await playwrightRequest.newContext({ baseURL: E2E_URL, storageState: { cookies: [], origins: [] } })
  const editor = page.request
  const { docs } = await (await editor.get('/api/authors?where[slug][equals]=ahmed-mohammed')).json()
  const authorId = docs[0].id

  // Saved as a draft: no reader page, feed or sitemap shows it.
  const created = await editor.post('/api/articles?draft=true', {
    data: {
      title,
      standfirst: 'Negotiators return to the table.',
      authors: [authorId],
      section: 'politics',
      tags: ['E2E desk'],
      body: paragraphsToLexical(['First paragraph of the draft.', 'Second paragraph.']),
      _status: 'draft',
    },
  })
  expect(created.status()).toBe(201)
  const { doc } = await created.json()
  expect(doc.slug).toBe(slug)
  expect(await readerView(reader)).toMatchObject({ ...nowhere, articleStatus: 404 })

  // Staff preview the draft at its URL in draft mode; readers still get a 404.
  await page.goto(`/preview?slug=${slug}`)
  await expect(page).toHaveURL(articleUrl)
  await expect(page.locator('h1')).toHaveText(title)
  await expect(page.getByRole('status')).toContainText('Preview of the latest draft')
  expect((await reader.get(`/preview?slug=${slug}`)).status()).toBe(404)
  expect((await reader.get(articleUrl)).status()).toBe(404)

  // Published: the very next anonymous requests show it, no waiting.
  const published = await editor.patch(`/api/articles/${doc.id}`, { data: { _status: 'published' } })
  expect(published.status()).toBe(200)
  expect(await readerView(reader)).toMatchObject({ ...everywhere, articleStatus: 200 })

  // Edited while published: readers see the new standfirst at once.
  await editor.patch(`/api/articles/${doc.id}`, { data: { standfirst: 'Talks enter a second day.' } })
  expect(await (await reader.get(articleUrl)).text()).toContain('Talks enter a second day.')

  // A newer draft on top of the published article stays private.
  await editor.patch(`/api/articles/${doc.id}?draft=true`, { data: { standfirst: 'Unpublished rewrite.' } })
  expect(await (await reader.get(articleUrl)).text()).not.toContain('Unpublished rewrite.')

  // Unpublished: gone from every reader page at once.
  const unpublished = await editor.patch(`/api/articles/${doc.id}`, { data: { _status: 'draft' } })
  expect(unpublished.status()).toBe(200)
  expect(await readerView(reader)).toMatchObject({ ...nowhere, articleStatus: 404 })
  await reader.dispose()
})

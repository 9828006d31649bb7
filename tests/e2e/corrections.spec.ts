import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { paragraphsToLexical } from '../../lib/text/lexical'
import { ADMIN_STATE } from './support/accounts'
import { E2E_URL } from './support/server'

// The editor works through the admin's own API with their session (as the admin UI does), then a
// reader with no cookies reads the result.
test.use({ storageState: ADMIN_STATE, extraHTTPHeaders: { Origin: E2E_URL } })

const title = `Port authority revises figures ${Date.now()}`
const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')

test('a correction an editor publishes shows on the article, in its JSON-LD, on /corrections, and the page stays accessible', async ({ request, browser }) => {
  const author = await (await request.post('/api/authors', { data: { name: `Desk ${Date.now()}` } })).json()
  const created = await request.post('/api/articles', {
    // Published before the correction's date (a correction never dates an article before its publication).
    data: { title, authors: [author.doc.id], body: paragraphsToLexical(['Cargo volumes rose 12 per cent.']), publishedAt: '2025-07-01T09:00:00.000Z', _status: 'published' },
  })
  expect(created.status()).toBe(201)
  const { doc } = await created.json()
  const corrected = await request.patch(`/api/articles/${doc.id}`, {
    data: { corrections: [{ type: 'correction', date: '2025-07-02T09:00:00.000Z', text: 'Cargo volumes rose 12 per cent, not 21. See https://example.org/figures.' }] },
  })
  expect(corrected.status()).toBe(200)

  // A reader, signed out.
  const reader = await browser.newContext()
  const readerPage = await reader.newPage()
  await readerPage.goto(`/articles/${slug}`)
  await expect(readerPage.locator('.correction-notice')).toHaveText(/This article was corrected on 2 July 2025\./)
  const box = readerPage.locator('#corrections')
  await expect(box.getByRole('heading', { name: 'Corrections and updates' })).toBeVisible()
  await expect(box.getByRole('link', { name: 'https://example.org/figures' })).toHaveAttribute('href', 'https://example.org/figures')
  const data = (await readerPage.locator('script[type="application/ld+json"]').allTextContents()).map((block) => JSON.parse(block))
  expect(data.find((item) => item['@type'] === 'NewsArticle')).toMatchObject({
    dateModified: '2025-07-02T09:00:00.000Z',
    correction: [{ '@type': 'CorrectionComment', datePublished: '2025-07-02T09:00:00.000Z' }],
  })
  expect(data.map((item) => item['@type'])).toContain('NewsMediaOrganization')
  const results = await new AxeBuilder({ page: readerPage }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([])

  await readerPage.goto('/corrections')
  await expect(readerPage.getByRole('link', { name: title })).toHaveAttribute('href', `/articles/${slug}#corrections`)
  const log = await new AxeBuilder({ page: readerPage }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  expect(log.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([])

  const ninjs = await reader.request.get(`/articles/${slug}.ninjs.json`)
  expect(ninjs.status()).toBe(200)
  expect((await ninjs.json()).headlines).toEqual([{ role: 'main', value: title }])
  await reader.close()
})

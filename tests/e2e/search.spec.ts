import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { seeded, SEEDED_URL } from './support/seeded'

/** What the page fetched besides the document: a reader page has no scripts and fetches nothing. */
function watchRequests(page: Page): string[] {
  const requests: string[] = []
  page.on('request', (request) => requests.push(`${request.resourceType()} ${request.url()}`))
  return requests
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)
}

test('a reader searches from the header form and finds the story, highlighted, with no script', async ({ page }) => {
  const requests = watchRequests(page)
  await page.goto(SEEDED_URL)
  // The form in the header of every page keeps the pages accessible.
  expect(await axeViolations(page)).toEqual([])
  const header = page.getByRole('search', { name: 'Site search' })
  await header.getByRole('searchbox', { name: 'Search articles' }).fill('golan heights negotiat')
  await header.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/\/search\?q=golan\+heights\+negotiat$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('1 article match “golan heights negotiat”')
  const result = page.getByRole('link', { name: seeded.title })
  await expect(result).toHaveAttribute('href', SEEDED_URL)
  // The snippet marks the matched words (and the prefix "negotiat" → "negotiations").
  await expect(page.locator('.search-result mark').first()).toBeVisible()
  await expect(page.locator('.search-result mark', { hasText: /^Golan$/ }).first()).toBeVisible()
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0)
  expect(requests.filter((entry) => /^(script|fetch|xhr) /.test(entry))).toEqual([])
  expect(await axeViolations(page)).toEqual([])

  await result.click()
  await expect(page).toHaveURL(SEEDED_URL)
})

test('no results suggests what to try, and the page stays accessible', async ({ page }) => {
  await page.goto('/search?q=xylophone+quokka')
  await expect(page.getByRole('status')).toContainText('No articles match “xylophone quokka”.')
  await expect(page.getByText('Try other or fewer words')).toBeVisible()
  await expect(page.getByRole('link', { name: 'the latest stories' })).toHaveAttribute('href', '/')
  expect(await axeViolations(page)).toEqual([])
})

test('a refused search says why with a 400, never a 500', async ({ page }) => {
  const response = await page.goto(`/search?q=${'a'.repeat(250)}`)
  expect(response?.status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText('at most 200 are searched')
  // The form is there to try again, holding what fits.
  await expect(page.getByRole('search', { name: 'Search articles' }).getByRole('searchbox')).toHaveValue('a'.repeat(200))
  expect(await axeViolations(page)).toEqual([])
})

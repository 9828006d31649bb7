import { expect, test } from '@playwright/test'
import { seeded, SEEDED_URL } from './support/seeded'

test('a reader goes from the home page to the seeded article and on to its author', async ({ page }) => {
  await page.goto('/')
  // Other tests publish newer stories; the seeded one is listed whether or not it leads.
  await page.getByRole('link', { name: seeded.title }).first().click()
  await expect(page).toHaveURL(SEEDED_URL)

  await expect(page.locator('h1')).toHaveCount(1)
  await expect(page.locator('h1')).toHaveText(seeded.title)
  await expect(page.locator('.article .standfirst')).toHaveText(seeded.standfirst)
  await expect(page.locator('.byline time').first()).toHaveAttribute('datetime', /^2025-06-30/)
  await expect(page.locator('.byline time').first()).toHaveText('30 June 2025')

  const figure = page.locator('.article figure')
  await expect(figure).toHaveCount(1)
  const image = figure.locator('img')
  await expect(image).toHaveAttribute('alt', seeded.photo!.alt)
  await expect(image).toHaveAttribute('srcset', /640w.*1024w.*1600w/)
  await expect(image).toHaveAttribute('width', /\d+/)
  await expect(image).toHaveAttribute('height', /\d+/)
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  await expect(figure.locator('figcaption .caption')).toHaveText(seeded.photo!.caption)
  await expect(figure.locator('figcaption .credit')).toHaveText('Photo: Abdulaziz KETAZ / AFP')

  const paragraphs = page.locator('.article-body p')
  await expect(paragraphs).toHaveText(seeded.paragraphs)
  expect(seeded.paragraphs).toHaveLength(10)
  const body = await page.locator('.article-body').innerText()
  expect(body).not.toContain(seeded.photo!.caption)
  expect(body).not.toContain('Photo by')

  await page.locator('.byline').getByRole('link', { name: 'Ahmed Mohammed' }).click()
  await expect(page).toHaveURL('/authors/ahmed-mohammed')
  await expect(page.locator('h1')).toHaveText('Ahmed Mohammed')
  await expect(page.getByRole('link', { name: seeded.title })).toBeVisible()
})

test('the article page is plain HTML from the page cache: no scripts, no client-side fetching', async ({ page, request }) => {
  await request.get(SEEDED_URL) // fills the cache, whatever ran before
  const requests: string[] = []
  page.on('request', (request) => requests.push(`${request.resourceType()} ${request.url()}`))
  const response = await page.goto(SEEDED_URL)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['x-page-cache']).toBe('HIT')
  await page.waitForLoadState('networkidle')
  expect(requests.filter((entry) => /^(script|fetch|xhr) /.test(entry))).toEqual([])
  const scriptTypes = await page.locator('script').evaluateAll((scripts) => scripts.map((script) => script.getAttribute('type')))
  // The article, its breadcrumbs, the publication.
  expect(scriptTypes).toEqual(['application/ld+json', 'application/ld+json', 'application/ld+json'])
})

test('unknown pages and unpublished slugs are real 404s with a way back', async ({ page }) => {
  for (const url of ['/no-such-page', '/articles/no-such-article', '/authors/nobody', '/sections/gossip', '/page/999']) {
    const response = await page.goto(url)
    expect(response?.status(), url).toBe(404)
    await expect(page.locator('h1')).toHaveText('Page not found')
    await expect(page.getByRole('link', { name: 'Read the latest news' })).toBeVisible()
  }
})

test('the layout has landmarks, a skip link and a language', async ({ page }) => {
  await page.goto(SEEDED_URL)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('banner')).toBeVisible()
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.getByRole('contentinfo')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
})

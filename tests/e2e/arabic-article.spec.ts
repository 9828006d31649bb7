import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { ADMIN_STATE } from './support/accounts'

test.use({ storageState: ADMIN_STATE })

test.describe.configure({ timeout: 120_000 })

test('an Arabic article written in the admin is published at its Arabic URL, right to left, headline intact', async ({ page, browser }) => {
  const stamp = Date.now()
  const headline = `محادثات هادئة بين إسرائيل وسوريا ${stamp}`
  const slug = `محادثات-هادئة-بين-إسرائيل-وسوريا-${stamp}`
  const paragraph = 'قال مسؤولون إن المحادثات التمهيدية ما زالت في بدايتها.'

  await page.goto('/admin/collections/articles/create')
  await page.getByRole('textbox', { name: /^Headline/ }).fill(headline)
  await page.getByRole('textbox', { name: 'Language' }).fill('ar')
  const authors = page.locator('#field-authors')
  await authors.click()
  await page.keyboard.type('Ahmed')
  await page.getByRole('option', { name: 'Ahmed Mohammed' }).click()
  const editor = page.locator('[data-lexical-editor="true"]').first()
  await editor.click()
  await page.keyboard.type(paragraph)
  await page.getByRole('button', { name: /publish changes/i }).click()
  await expect(page.getByText(/successfully/i).first()).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Slug' })).toHaveValue(slug)

  // A reader (no session) opens it at its Arabic URL, which travels percent-encoded.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } })
  const reader = await context.newPage()
  const response = await reader.goto(`/articles/${slug}`)
  expect(response?.status()).toBe(200)
  expect(new URL(reader.url()).pathname).toBe(`/articles/${encodeURIComponent(slug)}`)
  await expect(reader.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(reader.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(reader.locator('h1')).toHaveText(headline)
  await expect(reader.locator('.article-body p')).toHaveText([paragraph])
  // Laid out right to left: the paragraph's text starts at the right-hand edge of its box and
  // leaves the left one free (it is shorter than the column).
  const { direction, rightGap, leftGap } = await reader.locator('.article-body p').evaluate((p) => {
    const range = document.createRange()
    range.selectNodeContents(p)
    const text = range.getBoundingClientRect()
    const box = p.getBoundingClientRect()
    return { direction: getComputedStyle(p).direction, rightGap: box.right - text.right, leftGap: text.left - box.left }
  })
  expect(direction).toBe('rtl')
  expect(rightGap).toBeLessThan(2)
  expect(leftGap).toBeGreaterThan(20)

  const results = await new AxeBuilder({ page: reader }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([])

  // A broken percent-encoding names no page: a 404, never a 500.
  const broken = await reader.request.get('/articles/%D9%85%D8')
  expect(broken.status()).toBe(404)
  await context.close()
})

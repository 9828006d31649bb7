import { expect, test } from '@playwright/test'
import sharp from 'sharp'
import { ADMIN } from './support/accounts'

test('an editor logs in, uploads a credited photo, writes and publishes an article, and opens it on the site', async ({ page }) => {
  const stamp = Date.now()
  const headline = `Harbour reopens after storm ${stamp}`
  const caption = `Fishing boats return to the harbour ${stamp}.`

  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))

  // Upload a photo with its caption and credit.
  const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#35607a' } }).jpeg().toBuffer()
  await page.goto('/admin/collections/media/create')
  await page.locator('input[type="file"]').setInputFiles({ name: `harbour-${stamp}.jpg`, mimeType: 'image/jpeg', buffer: photo })
  await page.getByRole('textbox', { name: /^Alt/ }).fill('Fishing boats moored in a harbour under a grey sky')
  await page.getByRole('textbox', { name: 'Caption' }).fill(caption)
  await page.getByRole('textbox', { name: 'Photographer' }).fill('Jane Doe')
  await page.getByRole('textbox', { name: 'Agency / provider' }).fill('Reuters')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText(/successfully/i).first()).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Credit line' })).toHaveValue('Jane Doe / Reuters')

  // Write the article: headline, author, lead photo, body.
  await page.goto('/admin/collections/articles/create')
  await page.getByRole('textbox', { name: /^Headline/ }).fill(headline)
  await page.getByRole('textbox', { name: 'Standfirst' }).fill('The port is open again after three days.')

  const authors = page.locator('#field-authors')
  await authors.click()
  await page.keyboard.type('Ahmed')
  await page.getByRole('option', { name: 'Ahmed Mohammed' }).click()

  await page.locator('#field-leadImage').getByRole('button', { name: /choose from existing/i }).click()
  await page.getByRole('dialog').getByRole('button', { name: new RegExp(`harbour-${stamp}`) }).first().click()
  await expect(page.locator('#field-leadImage')).toContainText(`harbour-${stamp}`)

  const editor = page.locator('[data-lexical-editor="true"]').first()
  await editor.click()
  await page.keyboard.type('The harbour reopened on Tuesday morning.')
  await page.keyboard.press('Enter')
  await expect(editor.locator('p')).toHaveCount(2)
  await page.keyboard.type('Fishermen said the storm was the worst in a decade.')
  await expect(editor.locator('p').nth(1)).toHaveText('Fishermen said the storm was the worst in a decade.')

  await page.getByRole('button', { name: /publish changes/i }).click()
  await expect(page.getByText(/successfully/i).first()).toBeVisible()

  // And on the site, as a reader would see it.
  const slug = headline.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const reader = await page.context().browser()!.newPage()
  const response = await reader.goto(`/articles/${slug}`)
  expect(response?.status()).toBe(200)
  await expect(reader.locator('h1')).toHaveText(headline)
  await expect(reader.locator('.byline')).toContainText('Ahmed Mohammed')
  await expect(reader.locator('figure figcaption .caption')).toHaveText(caption)
  await expect(reader.locator('figure figcaption .credit')).toHaveText('Photo: Jane Doe / Reuters')
  await expect(reader.locator('.article-body p')).toHaveText([
    'The harbour reopened on Tuesday morning.',
    'Fishermen said the storm was the worst in a decade.',
  ])
  await reader.close()
})

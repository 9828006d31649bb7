import { expect, test } from '@playwright/test'
import sharp from 'sharp'
import { ADMIN_STATE } from './support/accounts'
import { E2E_URL } from './support/server'

test.use({ storageState: ADMIN_STATE })

test('the article sidebar warns before publishing with an uncredited lead photo', async ({ page }) => {
  const stamp = Date.now()
  const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#777777' } }).jpeg().toBuffer()
  // Sent with the session cookie, so from our own origin, as the admin sends it (see lib/security/csrf.ts).
  const upload = await page.request.post('/api/media', {
    headers: { Origin: E2E_URL },
    multipart: {
      file: { name: `uncredited-${stamp}.jpg`, mimeType: 'image/jpeg', buffer: bytes },
      _payload: JSON.stringify({ alt: 'A grey square' }),
    },
  })
  expect(upload.status()).toBe(201)

  await page.goto('/admin/collections/articles/create')
  await page.getByRole('textbox', { name: /^Headline/ }).fill(`Uncredited ${stamp}`)
  await page.locator('#field-leadImage').getByRole('button', { name: /choose from existing/i }).click()
  await page.getByRole('dialog').getByRole('button', { name: new RegExp(`uncredited-${stamp}`) }).first().click()
  await expect(page.getByText('This photo has no credit — publishing will be refused.')).toBeVisible()
})

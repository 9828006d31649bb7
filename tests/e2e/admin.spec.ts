import { expect, test } from '@playwright/test'
import { ADMIN_STATE } from './support/accounts'

test.use({ storageState: ADMIN_STATE })

test('the signed-in admin sees the newsroom collections', async ({ page }) => {
  await page.goto('/admin')
  for (const name of ['Articles', 'Authors', 'Media', 'Users']) {
    await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible()
  }
  await page.goto('/admin/collections/articles')
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible()
})

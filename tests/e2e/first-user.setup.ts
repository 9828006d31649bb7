import { expect, test } from '@playwright/test'
import { ADMIN, ADMIN_STATE } from './support/accounts'
import { E2E_URL } from './support/server'

test('a fresh server asks for the first user, who registers, logs in and reaches the articles list', async ({ page }) => {
  await page.goto('/admin')
  await expect(page).toHaveURL(/\/admin\/create-first-user/)

  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('New Password').fill(ADMIN.password)
  await page.getByLabel('Confirm Password').fill(ADMIN.password)
  await page.getByLabel('Name').fill(ADMIN.name)
  await page.getByRole('button', { name: 'Create' }).click()

  await expect(page.getByRole('heading', { name: /dashboard/i }).or(page.getByText('Articles').first())).toBeVisible()

  // Log out and in again with the new account, as the editor would the next morning.
  await page.context().clearCookies()
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))

  await page.goto('/admin/collections/articles')
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible()
  await expect(page.getByRole('link', { name: /create new/i }).first()).toBeVisible()

  // A script's request carries no Fetch Metadata: say where it comes from, as a browser would (see lib/security/csrf.ts).
  const me = await page.request.get('/api/users/me', { headers: { Origin: E2E_URL } })
  expect((await me.json()).user).toMatchObject({ email: ADMIN.email, roles: ['admin'] })
  await page.context().storageState({ path: ADMIN_STATE })
})

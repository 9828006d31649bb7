import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test'
import { paragraphsToLexical } from '../../lib/text/lexical'
import { ADMIN_STATE } from './support/accounts'
import { E2E_URL } from './support/server'

// The admin's own API calls carry the session cookie, so they say where they come from (lib/security/csrf.ts).
test.use({ storageState: ADMIN_STATE, extraHTTPHeaders: { Origin: E2E_URL } })

const PASSWORD = 'correct horse battery staple'
const stamp = Date.now()

/** A staff account made by the admin, as the newsroom's admin would in Users. */
async function account(request: APIRequestContext, role: 'editor' | 'writer', name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${stamp}@masthead.test`
  const created = await request.post('/api/users', { data: { email, password: PASSWORD, name, roles: [role] } })
  expect(created.status()).toBe(201)
  return { email, id: (await created.json()).doc.id as number | string }
}

/** A fresh browser context signed in as `email` through the login page. */
async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { Origin: E2E_URL } })
  const page = await context.newPage()
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Login' }).click()
  await page.waitForURL((url) => !url.pathname.endsWith('/login'))
  return page
}

/** Picks an option of a select field in the article's sidebar. */
async function choose(page: Page, field: string, option: string) {
  await page.locator(`#field-${field} .rs__control`).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

const latest = async (request: APIRequestContext, id: number | string) =>
  (await request.get(`/api/articles/${id}?draft=true&depth=0`)).json()

test('a writer sends a draft to Ready for edit; an editor finds it on the desk, adds a note, moves it on and publishes it', async ({ browser, page, request }) => {
  const writer = await account(request, 'writer', 'Omar Writer')
  const editor = await account(request, 'editor', 'Layla Editor')
  const author = await (await request.post('/api/authors', { data: { name: `Desk Author ${stamp}` } })).json()
  const title = `Desk story ${stamp}`

  // The writer's draft, saved by the writer.
  const writerPage = await signIn(browser, writer.email)
  const created = await writerPage.request.post('/api/articles?draft=true', {
    data: { title, authors: [author.doc.id], body: paragraphsToLexical(['The council met on Monday.']) },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).doc.id

  await writerPage.goto(`/admin/collections/articles/${id}`)
  await choose(writerPage, 'stage', 'Ready for edit')
  await expect.poll(async () => (await latest(writerPage.request, id)).stage).toBe('ready-for-edit')
  await writerPage.context().close()

  // The editor's desk shows it in its column, linked to its edit view.
  const editorPage = await signIn(browser, editor.email)
  await editorPage.goto('/admin')
  const column = editorPage.locator('.desk-panel').filter({ has: editorPage.getByRole('heading', { name: /^Ready for edit \(\d+\)$/ }) })
  await column.getByRole('link', { name: title }).click()
  await editorPage.waitForURL(new RegExp(`/admin/collections/articles/${id}$`))

  // A note, mentioning the writer.
  const note = `@${writer.email.split('@')[0]} please check the council figures.`
  await editorPage.getByLabel('New note').fill(note)
  await editorPage.getByRole('button', { name: 'Add note' }).click()
  await expect(editorPage.locator('.notes-thread__note')).toContainText([note])
  await expect(editorPage.locator('.notes-thread__note').first()).toContainText('Layla Editor')

  // Ready to publish, then published.
  await choose(editorPage, 'stage', 'Ready to publish')
  await editorPage.getByRole('button', { name: /publish changes/i }).click()
  await expect(editorPage.getByText(/successfully/i).first()).toBeVisible()
  const published = await latest(editorPage.request, id)
  expect(published).toMatchObject({ _status: 'published', stage: 'ready-to-publish' })
  expect(published.stageHistory.map((move: { to: string }) => move.to)).toEqual(['ready-for-edit', 'ready-to-publish'])
  await editorPage.context().close()

  // Readers get the story, without its stage or its note.
  const reader = await browser.newContext({ storageState: { cookies: [], origins: [] } })
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-')
  const story = await reader.request.get(`/articles/${slug}`)
  expect(story.status()).toBe(200)
  const html = await story.text()
  expect(html).toContain(title)
  expect(html).not.toContain('council figures')
  const api = await (await reader.request.get(`/api/articles/${id}`)).json()
  expect(api).not.toHaveProperty('stage')
  await reader.close()
})

test('a held article cannot be published from the admin, and the message says why', async ({ page, request }) => {
  const author = await (await request.post('/api/authors', { data: { name: `Held Author ${stamp}` } })).json()
  const created = await request.post('/api/articles?draft=true', {
    data: {
      title: `Held story ${stamp}`,
      authors: [author.doc.id],
      body: paragraphsToLexical(['A story the lawyers are reading.']),
      legalHold: true,
      legalHoldReason: 'Injunction pending',
    },
  })
  expect(created.status()).toBe(201)
  const id = (await created.json()).doc.id

  await page.goto(`/admin/collections/articles/${id}`)
  await page.getByRole('button', { name: /publish changes/i }).click()
  await expect(page.getByText('Cannot publish: this article is on legal hold (Injunction pending); an editor must clear the hold first.').first()).toBeVisible()
  expect((await latest(request, id))._status).toBe('draft')

  // The desk lists it on hold, with the reason.
  await page.goto('/admin')
  const held = page.locator('.desk-panel').filter({ has: page.getByRole('heading', { name: /^On hold/ }) })
  await expect(held.getByRole('link', { name: `Held story ${stamp}` })).toBeVisible()
  await expect(held).toContainText('legal hold: Injunction pending')
})

test('a second editor opening an article being edited is warned who has it', async ({ browser, page, request }) => {
  const editor = await account(request, 'editor', 'Second Editor')
  const created = await request.post('/api/articles?draft=true', { data: { title: `Locked story ${stamp}` } })
  const id = (await created.json()).doc.id
  await page.goto(`/admin/collections/articles/${id}`)
  await expect(page.getByRole('textbox', { name: /^Headline/ })).toHaveValue(`Locked story ${stamp}`)

  const second = await signIn(browser, editor.email)
  await second.goto(`/admin/collections/articles/${id}`)
  await expect(second.getByText(/currently editing|being edited|locked/i).first()).toBeVisible()
  await expect(second.getByText('Nadia Editor').first()).toBeVisible()
  await second.context().close()
})

test('the admin never asks Gravatar for an avatar', async ({ page }) => {
  const external: string[] = []
  page.on('request', (request) => {
    if (!request.url().startsWith(E2E_URL)) external.push(request.url())
  })
  await page.goto('/admin/account')
  await expect(page.getByRole('heading').first()).toBeVisible()
  await page.goto('/admin')
  await expect(page.getByRole('heading', { name: 'Desk' })).toBeVisible()
  expect(await page.content()).not.toMatch(/gravatar/i)
  expect(external.filter((url) => /gravatar/i.test(url))).toEqual([])
})

import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { SEEDED_URL } from './support/seeded'

for (const [name, url] of [
  ['home', '/'],
  ['article', SEEDED_URL],
  ['author', '/authors/ahmed-mohammed'],
  ['404', '/no-such-page'],
] as const) {
  test(`axe finds no accessibility violations on the ${name} page`, async ({ page }) => {
    await page.goto(url)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([])
  })
}

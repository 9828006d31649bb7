import { h } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import { Document } from '@/reader/components/Document'
import { simpleHead } from '@/lib/seo/page-head'
import { DEFAULT_SITE } from '@/lib/content/site'

const page = (language?: string) =>
  renderToString(h(Document, { head: { ...simpleHead({ ...DEFAULT_SITE, origin: 'https://news.example' }, {}), language }, children: h('p', null, 'x') }))

describe('Document', () => {
  it('is in the site’s language, left to right, by default', () => {
    expect(page()).toMatch(/^<html lang="en"><head>/)
  })
  it('runs right to left for an Arabic page, keeping the site’s own words in English', () => {
    const html = page('ar')
    expect(html).toMatch(/^<html lang="ar" dir="rtl"><head>/)
    expect(html).toContain('<header class="site-header" lang="en">')
    expect(html).toContain('<footer class="site-footer" lang="en">')
  })
  it('sets only the language for a left-to-right one', () => {
    expect(page('fr')).toMatch(/^<html lang="fr"><head>/)
  })
})

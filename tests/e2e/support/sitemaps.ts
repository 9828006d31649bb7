import { expect, type APIRequestContext } from '@playwright/test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' })

export const asArray = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

/** GETs an XML document (a 200, served as XML, well-formed) and parses it. */
export async function fetchXml(request: APIRequestContext, url: string) {
  const response = await request.get(url)
  expect(response.status(), url).toBe(200)
  expect(response.headers()['content-type'], url).toMatch(/xml/)
  const text = await response.text()
  expect(XMLValidator.validate(text), url).toBe(true)
  return xml.parse(text)
}

/** The sitemap index, then each part it lists: the part's URL → the page URLs it lists. */
export async function sitemapParts(request: APIRequestContext): Promise<Map<string, string[]>> {
  const index = await fetchXml(request, '/sitemap.xml')
  const parts = new Map<string, string[]>()
  for (const { loc } of asArray<{ loc: string }>(index.sitemapindex.sitemap)) {
    const part = await fetchXml(request, loc)
    parts.set(loc, asArray<{ loc: string }>(part.urlset.url).map((url) => url.loc))
  }
  return parts
}

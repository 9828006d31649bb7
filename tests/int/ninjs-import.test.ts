import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lexicalToParagraphs } from '@/lib/text/lexical'
import type { Author } from '@/payload-types'
import { seedFiles } from '@/seed/importer'
import { startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let work: string
beforeAll(async () => {
  t = await startPayload()
  work = mkdtempSync(path.join(tmpdir(), 'masthead-ninjs-'))
})
afterAll(async () => {
  await t?.cleanup()
  rmSync(work, { recursive: true, force: true })
})

const write = (name: string, content: string) => {
  const file = path.join(work, name)
  writeFileSync(file, content)
  return file
}

describe('importing ninjs', () => {
  it('loads an agency’s ninjs item like a plain-text piece, and again unchanged', async () => {
    const file = write(
      'harbour.ninjs.json',
      JSON.stringify({
        uri: 'urn:newsml:agency.example:20250701:1234',
        type: 'text',
        language: 'en',
        firstcreated: '2025-07-01T08:00:00Z',
        headlines: [{ role: 'main', value: 'Harbour reopens after storm' }],
        descriptions: [{ role: 'summary', value: 'Ships returned on Tuesday.' }],
        by: 'Zeina Khodr',
        located: 'Tyre',
        bodies: [{ role: 'main', contenttype: 'text/html', value: '<p>Ships returned on Tuesday.</p><p>The port &amp; its quays reopened.</p>' }],
      }),
    )
    const [first] = await seedFiles(t.payload, [file], { log: () => {} })
    expect(first).toMatchObject({ status: 'created' })
    const { docs } = await t.payload.find({ collection: 'articles', where: { slug: { equals: 'harbour-reopens-after-storm' } }, depth: 1 })
    const article = docs[0]!
    expect(article).toMatchObject({ title: 'Harbour reopens after storm', standfirst: 'Ships returned on Tuesday.', _status: 'published', language: 'en' })
    expect(lexicalToParagraphs(article.body)).toEqual(['Ships returned on Tuesday.', 'The port & its quays reopened.'])
    expect((article.authors as Author[]).map((author) => author.name)).toEqual(['Zeina Khodr'])
    const [again] = await seedFiles(t.payload, [file], { log: () => {} })
    expect(again).toMatchObject({ status: 'unchanged' })
  })

  it('reports a broken ninjs file by name and stores nothing', async () => {
    const before = (await t.payload.count({ collection: 'articles' })).totalDocs
    const notJson = write('broken.json', '{ "uri": ')
    const noByline = write('nobody.json', JSON.stringify({ uri: 'urn:x:1', headlines: [{ value: 'Nobody wrote this' }], bodies: [{ value: 'Text.' }], firstcreated: '2025-07-01T00:00:00Z' }))
    const results = await seedFiles(t.payload, [notJson, noByline], { log: () => {} })
    expect(results.map((result) => result.status)).toEqual(['failed', 'failed'])
    expect(results[0]?.error).toMatch(/broken\.json:1: not JSON/)
    expect(results[1]?.error).toBe(`${noByline}:1: a ninjs article needs a byline ("by")`)
    expect((await t.payload.count({ collection: 'articles' })).totalDocs).toBe(before)
  })
})

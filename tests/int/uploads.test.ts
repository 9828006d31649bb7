import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pngBytes } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let editor: { token: string }

beforeAll(async () => {
  t = await startPayload()
  await createUser(t.payload, ['admin'], 'admin')
  editor = await createUser(t.payload, ['editor'], 'editor')
})
afterAll(async () => t?.cleanup())

function upload(bytes: Uint8Array, name: string, type: string, data: Record<string, unknown> = { alt: 'A photo' }) {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  form.append('_payload', JSON.stringify(data))
  return t.rest.post('/media', { token: editor.token, form })
}

const mediaCount = async () => (await t.payload.count({ collection: 'media' })).totalDocs

describe('photo uploads', () => {
  it('accept a real image and make the WebP sizes, social image included', async () => {
    const response = await upload(await pngBytes(2000, 1200), 'harbour.png', 'image/png', {
      alt: 'The harbour at dawn',
      caption: 'Fishing boats return to the harbour.',
      credit: { creator: 'Abdulaziz KETAZ', provider: 'AFP', copyright: '© AFP 2025' },
    })
    expect(response.status).toBe(201)
    const { doc } = await response.json()
    expect(doc.credit.line).toBe('Abdulaziz KETAZ / AFP')
    expect(doc.sizes.social).toMatchObject({ width: 1200, height: 630, mimeType: 'image/webp' })
    expect(doc.sizes.card).toMatchObject({ width: 800, height: 450, mimeType: 'image/webp' })
    expect(doc.sizes.thumbnail).toMatchObject({ width: 400, height: 300 })
    expect(doc.sizes.hero).toMatchObject({ width: 1600, height: 960 })
    const file = await t.rest.get(`/media/file/${doc.filename}`)
    expect(file.status).toBe(200)
  })

  it('refuse an SVG carrying a script, with a clear message, and store nothing', async () => {
    const before = await mediaCount()
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>',
    )
    const response = await upload(svg, 'chart.svg', 'image/svg+xml')
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/chart\.svg was refused.*JPEG, PNG, WebP or AVIF/)
    expect(await mediaCount()).toBe(before)
  })

  it('refuse shell-script bytes named photo.jpg and declared as JPEG', async () => {
    const before = await mediaCount()
    const response = await upload(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'photo.jpg', 'image/jpeg')
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/photo\.jpg was refused: it contains content that is not a recognised image/)
    expect(await mediaCount()).toBe(before)
  })

  it('refuse an HTML page renamed .png', async () => {
    const response = await upload(Buffer.from('<!doctype html><html><body>hi</body></html>'), 'evil.png', 'image/png')
    expect(response.status).toBe(400)
  })

  it('refuse a file over 25 MB with a 413 and a message that says the limit', async () => {
    const before = await mediaCount()
    const big = Buffer.concat([await pngBytes(), Buffer.alloc(26 * 1024 * 1024)])
    const response = await upload(big, 'huge.png', 'image/png')
    expect(response.status).toBe(413)
    expect(await response.text()).toMatch(/25 MB/)
    expect(await mediaCount()).toBe(before)
  })

  it('require alt text', async () => {
    const response = await upload(await pngBytes(), 'no-alt.png', 'image/png', { caption: 'No alt' })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/alt/i)
  })
})

import { crc32, deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pngBytes, showToReaders } from './support/fixtures'
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
    await showToReaders(t.payload, doc.id)
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
    // Sent as one buffer: a FormData stream would keep pumping after the server stops reading.
    const big = Buffer.concat([
      Buffer.from(multipartHead),
      await pngBytes(),
      Buffer.alloc(26 * 1024 * 1024),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    const { REST_POST } = await import('@payloadcms/next/routes')
    const request = new Request('http://localhost:3000/api/media', {
      method: 'POST',
      headers: { Authorization: `JWT ${editor.token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: big,
    })
    const response = await REST_POST(t.config)(request, { params: Promise.resolve({ slug: ['media'] }) })
    expect(response.status).toBe(413)
    expect(await response.text()).toMatch(/25 MB/)
    expect(await mediaCount()).toBe(before)
  })

  it('refuse a PDF, naming the file and what it contains', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    const response = await upload(pdf, 'report.pdf', 'application/pdf')
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toBe(
      'report.pdf was refused: it contains application/pdf content. Upload a JPEG, PNG, WebP or AVIF photo.',
    )
  })

  it('refuse unreadable JSON beside the file, saying so', async () => {
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await pngBytes())], { type: 'image/png' }), 'harbour.png')
    form.append('_payload', '{"alt": "A photo"')
    const response = await t.rest.post('/media', { token: editor.token, form })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toMatch(/^The request body is not valid JSON \(.+\)\.$/)
  })

  it('refuse a JSON body that is not JSON, saying so', async () => {
    const { POST } = await import('@/app/(payload)/api/[...slug]/route')
    const request = new Request('http://localhost:3000/api/authors', {
      method: 'POST',
      headers: { Authorization: `JWT ${editor.token}`, 'Content-Type': 'application/json' },
      body: '{"name": "Half a name',
    })
    const response = await POST(request, { params: Promise.resolve({ slug: ['authors'] }) })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toMatch(/^The request body is not valid JSON \(Unterminated string in JSON at position \d+.*\)\.$/)
  })

  it.each(['"just a string"', '[1, 2]', 'null'])('refuse a JSON body that is not an object (%s), saying so', async (body) => {
    const { POST } = await import('@/app/(payload)/api/[...slug]/route')
    const request = new Request('http://localhost:3000/api/authors', {
      method: 'POST',
      headers: { Authorization: `JWT ${editor.token}`, 'Content-Type': 'application/json' },
      body,
    })
    const response = await POST(request, { params: Promise.resolve({ slug: ['authors'] }) })
    expect(response.status).toBe(400)
    expect((await response.json()).errors[0].message).toMatch(/^The request body must be a JSON object of fields/)
  })

  it('require alt text', async () => {
    const response = await upload(await pngBytes(), 'no-alt.png', 'image/png', { caption: 'No alt' })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/alt/i)
  })

  it('refuse a small PNG that declares 50,000 × 50,000 pixels, without decoding it', async () => {
    const before = await mediaCount()
    const bomb = pngDeclaring(50_000, 50_000)
    expect(bomb.length).toBeLessThan(1024)
    const response = await upload(bomb, 'bomb.png', 'image/png')
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toMatch(/bomb\.png was refused: it declares 50000 × 50000 pixels \(2500 megapixels\)/)
    expect(await mediaCount()).toBe(before)
  })

  it('answer 413 as soon as the body passes 25 MB, without waiting for the rest of it', async () => {
    // A body that sends 26 MB and then never ends: only a server that stops reading at the limit answers.
    const chunk = new Uint8Array(1024 * 1024)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(multipartHead))
        if (sent < 26) {
          sent++
          controller.enqueue(chunk)
        }
        // After 26 MB: no more data, and no close.
      },
    })
    const { REST_POST } = await import('@payloadcms/next/routes')
    const request = new Request('http://localhost:3000/api/media', {
      method: 'POST',
      headers: { Authorization: `JWT ${editor.token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit)
    const response = await REST_POST(t.config)(request, { params: Promise.resolve({ slug: ['media'] }) })
    expect(response.status).toBe(413)
  })
})

const boundary = 'masthead-test-boundary'
const multipartHead = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="endless.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`

/** A valid PNG whose header declares the given size, with one tiny compressed row of pixels. */
function pngDeclaring(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(typed))
    return Buffer.concat([length, typed, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

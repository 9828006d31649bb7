import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { DOMParser } from '@xmldom/xmldom'
import ExifReader from 'exifreader'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraphsToLexical } from '@/lib/text/lexical'
import { readEmbeddedMetadata } from '@/lib/photos/metadata'
import { webpMetadata } from '@/lib/photos/xmp'
import type { Media } from '@/payload-types'
import { agencyXmp, CAMERA_EXIF, jpegWith, jpegWithBrokenMetadata } from '../unit/support/photo-files'
import { createAuthor, showToReaders } from './support/fixtures'
import { createUser, startPayload, type TestPayload } from './support/payload'

let t: TestPayload
let editor: { token: string }
let authorId: number
let mediaDir: string

beforeAll(async () => {
  t = await startPayload()
  await createUser(t.payload, ['admin'], 'admin')
  editor = await createUser(t.payload, ['editor'], 'editor')
  authorId = (await createAuthor(t.payload)).id
  mediaDir = t.payload.collections.media.config.upload.staticDir ?? ''
})
afterAll(async () => t?.cleanup())

const AFP_XMP = agencyXmp({
  creator: 'Abdulaziz KETAZ',
  credit: 'AFP',
  source: 'AFP',
  rights: '© AFP 2025',
  description: 'Debris and military vehicles lie at the scene of an Israeli strike in Hama.',
  headline: 'Aftermath of a strike in Hama',
  title: 'SYRIA-ISRAEL-CONFLICT',
  webStatement: 'https://www.afp.com/en/terms',
  dateCreated: '2025-04-03T09:12:00+03:00',
})

function form(bytes: Uint8Array, name: string, data: Record<string, unknown>, type = 'image/jpeg'): FormData {
  const body = new FormData()
  body.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  body.append('_payload', JSON.stringify(data))
  return body
}

async function upload(bytes: Uint8Array, name: string, data: Record<string, unknown> = {}) {
  const response = await t.rest.post('/media', { token: editor.token, form: form(bytes, name, data) })
  const json = await response.json()
  return { status: response.status, json, doc: json.doc as Media }
}

/** A file as a reader downloads it. */
async function served(filename: string | null | undefined): Promise<Buffer> {
  const response = await t.rest.get(`/media/file/${filename}`)
  expect(response.status).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

/** The XMP properties a served WebP carries, as exifreader reads them (by local name: `creator`, `Credit`…). */
function servedXmp(bytes: Buffer): Record<string, string> {
  const { xmp } = ExifReader.load(bytes, { expanded: true, domParser: new DOMParser() })
  expect(xmp, 'the served file carries XMP').toBeDefined()
  return Object.fromEntries(Object.entries(xmp ?? {}).map(([name, tag]) => [name, typeof tag === 'string' ? tag : tag.description]))
}

describe('reading what the photo already says', () => {
  let doc: Media

  beforeAll(async () => {
    const result = await upload(await jpegWith({ xmp: AFP_XMP, exif: CAMERA_EXIF }), 'hama-strike.jpg')
    expect(result.status, JSON.stringify(result.json)).toBe(201)
    doc = result.doc
    await showToReaders(t.payload, doc.id)
  })

  it('fills the empty fields over REST: alt from the headline, caption, photographer, agency, copyright, licence', () => {
    expect(doc).toMatchObject({
      alt: 'Aftermath of a strike in Hama',
      caption: 'Debris and military vehicles lie at the scene of an Israeli strike in Hama.',
      credit: {
        creator: 'Abdulaziz KETAZ',
        provider: 'AFP',
        line: 'Abdulaziz KETAZ / AFP',
        copyright: '© AFP 2025',
        license: 'https://www.afp.com/en/terms',
      },
    })
  })

  it('keeps the values as supplied, for editors to see', async () => {
    expect(doc.embedded).toEqual({
      creator: 'Abdulaziz KETAZ',
      credit: 'AFP',
      source: 'AFP',
      copyright: '© AFP 2025',
      webStatement: 'https://www.afp.com/en/terms',
      dateTaken: '2025-04-03T09:12:00',
      headline: 'Aftermath of a strike in Hama',
      title: 'SYRIA-ISRAEL-CONFLICT',
      description: 'Debris and military vehicles lie at the scene of an Israeli strike in Hama.',
    })
    // For the newsroom only: readers get the photo and its credit, not the agency's raw fields.
    const anonymous = await (await t.rest.get(`/media/${doc.id}`)).json()
    expect(anonymous.credit.line).toBe('Abdulaziz KETAZ / AFP')
    expect(anonymous.embedded).toBeUndefined()
  })

  it('never overwrites what the editor typed', async () => {
    const typed = {
      alt: 'A burnt-out truck beside a road',
      caption: 'Our own caption.',
      credit: { creator: 'Staff Photographer', provider: 'Masthead', copyright: '© Masthead', license: 'https://masthead.example/licence' },
    }
    const { status, doc: kept } = await upload(await jpegWith({ xmp: AFP_XMP, exif: CAMERA_EXIF, width: 900, height: 600 }), 'typed.jpg', typed)
    expect(status).toBe(201)
    expect(kept).toMatchObject({ ...typed, credit: { ...typed.credit, line: 'Staff Photographer / Masthead' } })
    expect(kept.embedded?.creator).toBe('Abdulaziz KETAZ')
  })

  it('refuses a licence that is not an http(s) URL, naming the field, and keeps the stored one', async () => {
    for (const license of ['javascript:alert(1)', 'All rights reserved', 'https://', 'ftp://example.org/licence']) {
      const response = await t.rest.patch(`/media/${doc.id}`, { token: editor.token, body: { credit: { ...doc.credit, license } } })
      expect(response.status, license).toBe(400)
      const { errors } = await response.json()
      expect(errors[0].data.errors, license).toEqual([expect.objectContaining({ path: 'credit.license', message: expect.stringContaining('The licence must be an http(s) URL') })])
    }
    expect((await t.payload.findByID({ collection: 'media', id: doc.id })).credit?.license).toBe('https://www.afp.com/en/terms')
  })

  it('fills only the gaps the editor left', async () => {
    const { doc: mixed } = await upload(await jpegWith({ xmp: AFP_XMP, width: 900, height: 600 }), 'mixed.jpg', {
      alt: 'Typed alt',
      credit: { creator: 'Abdulaziz KETAZ' },
    })
    expect(mixed).toMatchObject({ alt: 'Typed alt', credit: { creator: 'Abdulaziz KETAZ', provider: 'AFP', copyright: '© AFP 2025' } })
  })

  it('reads IPTC: a credit with "/" and no photographer becomes the credit line', async () => {
    const jpeg = await jpegWith({ width: 900, height: 600, iptc: [[110, 'Kevin Dietsch/Getty Images/AFP'], [105, 'Capitol at night'], [116, '© Getty Images']] })
    const { status, doc: iptc } = await upload(jpeg, 'capitol.jpg')
    expect(status).toBe(201)
    expect(iptc).toMatchObject({ alt: 'Capitol at night', credit: { line: 'Kevin Dietsch/Getty Images/AFP', copyright: '© Getty Images' } })
  })

  it('still requires alt text when neither the editor nor the file gives one', async () => {
    const before = (await t.payload.count({ collection: 'media' })).totalDocs
    const { status, json } = await upload(await jpegWith({ xmp: agencyXmp({ creator: 'Jane Doe' }), width: 300, height: 200 }), 'no-alt.jpg')
    expect(status).toBe(400)
    expect(JSON.stringify(json)).toMatch(/alt/i)
    expect((await t.payload.count({ collection: 'media' })).totalDocs).toBe(before)
  })

  it('uploads a photo whose metadata blocks are corrupt, as if it had none', async () => {
    const { status, json, doc: broken } = await upload(await jpegWithBrokenMetadata({ width: 900, height: 600 }), 'broken.jpg', {
      alt: 'A photo with a broken XMP block',
    })
    expect(status, JSON.stringify(json)).toBe(201)
    expect(broken.alt).toBe('A photo with a broken XMP block')
    expect(broken.sizes?.card?.filename).toBeTruthy()
    expect(Object.values(broken.embedded ?? {}).every((value) => value === null)).toBe(true)
  })

  it('uploads a photo without metadata as before', async () => {
    const { status, doc: plain } = await upload(await jpegWith({ width: 900, height: 600 }), 'plain.jpg', { alt: 'Plain' })
    expect(status).toBe(201)
    // Absent: a NULL column on SQLite, no key at all on MongoDB.
    const { creator, provider, line } = plain.credit ?? {}
    expect({ creator: creator ?? null, provider: provider ?? null, line: line ?? null }).toEqual({ creator: null, provider: null, line: null })
  })

  it('reads the new file when a photo is replaced, filling only what is still empty', async () => {
    const { doc: first } = await upload(await jpegWith({ width: 900, height: 600 }), 'replace-me.jpg', { alt: 'Before', credit: { provider: 'Reuters' } })
    const next = await jpegWith({ xmp: agencyXmp({ creator: 'Jane Doe', credit: 'AFP', rights: '© AFP', headline: 'Ignored' }), width: 1000, height: 700 })
    const response = await t.rest.patch(`/media/${first.id}`, { token: editor.token, form: form(next, 'replacement.jpg', {}) })
    expect(response.status).toBe(200)
    const { doc: replaced } = (await response.json()) as { doc: Media }
    expect(replaced).toMatchObject({ alt: 'Before', credit: { creator: 'Jane Doe', provider: 'Reuters', copyright: '© AFP', line: 'Jane Doe / Reuters' } })
    expect(replaced.embedded).toMatchObject({ creator: 'Jane Doe', credit: 'AFP', headline: 'Ignored' })

    // An edit without a file keeps the embedded values, whatever the request says.
    const edit = await t.rest.patch(`/media/${first.id}`, { token: editor.token, body: { caption: 'New caption', embedded: { creator: 'Forged' } } })
    expect(edit.status).toBe(200)
    const { doc: edited } = (await edit.json()) as { doc: Media }
    expect(edited.caption).toBe('New caption')
    expect(edited.embedded?.creator).toBe('Jane Doe')
  })

  describe('rights travel with the picture', () => {
    it('the served sizes and the original carry creator, credit line, copyright and licence as XMP, and no GPS or camera data', async () => {
      expect(doc.mimeType).toBe('image/webp')
      const files = [doc.filename, doc.sizes?.card?.filename, doc.sizes?.hero?.filename, doc.sizes?.social?.filename, doc.sizes?.thumbnail?.filename]
      for (const filename of files) {
        expect(filename).toBeTruthy()
        const bytes = await served(filename)
        const xmp = servedXmp(bytes)
        expect(xmp.creator, filename ?? '').toBe('Abdulaziz KETAZ')
        expect(xmp.rights).toBe('© AFP 2025')
        expect(xmp.Credit).toBe('Abdulaziz KETAZ / AFP')
        expect(xmp.WebStatement).toBe('https://www.afp.com/en/terms')
        // Read the way an upload is read, too: the same credit comes back.
        expect((await readEmbeddedMetadata(bytes)).metadata).toMatchObject({ creator: 'Abdulaziz KETAZ', copyright: '© AFP 2025', credit: 'Abdulaziz KETAZ / AFP' })
        // No EXIF at all: no GPS position, no camera serial number.
        expect(webpMetadata(bytes).exif).toBeUndefined()
        const metadata = await sharp(bytes).metadata()
        expect(metadata.exif).toBeUndefined()
        expect(bytes.toString('latin1')).not.toMatch(/GPS|0123456789|EOS R5/)
      }
    })

    it('the stored file sizes match the files on disk', async () => {
      const current = await t.payload.findByID({ collection: 'media', id: doc.id })
      expect(current.filesize).toBe((await stat(path.join(mediaDir, current.filename ?? ''))).size)
      for (const size of Object.values(current.sizes ?? {})) {
        if (size?.filename) expect(size.filesize, size.filename).toBe((await stat(path.join(mediaDir, size.filename))).size)
      }
    })

    it('editing the credit re-stamps the files; the derived credit line follows', async () => {
      const response = await t.rest.patch(`/media/${doc.id}`, { token: editor.token, body: { credit: { ...doc.credit, provider: 'Getty Images' } } })
      expect(response.status).toBe(200)
      const { doc: edited } = (await response.json()) as { doc: Media }
      expect(edited.credit?.line).toBe('Abdulaziz KETAZ / Getty Images')
      for (const filename of [edited.sizes?.card?.filename, edited.sizes?.hero?.filename]) {
        const xmp = servedXmp(await served(filename))
        expect(xmp.Credit).toBe('Abdulaziz KETAZ / Getty Images')
        expect(xmp.creator).toBe('Abdulaziz KETAZ')
      }
    })

    it('an edit that changes no credit leaves the files alone', async () => {
      const card = path.join(mediaDir, doc.sizes?.card?.filename ?? '')
      const before = await readFile(card)
      const { mtimeMs } = await stat(card)
      const response = await t.rest.patch(`/media/${doc.id}`, { token: editor.token, body: { caption: 'Only the caption changed.' } })
      expect(response.status).toBe(200)
      expect((await readFile(card)).equals(before)).toBe(true)
      expect((await stat(card)).mtimeMs).toBe(mtimeMs)
    })
  })
})

describe('publishing guardrail', () => {
  let uncredited: Media
  let credited: Media

  beforeAll(async () => {
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#789' } }).png().toBuffer()
    uncredited = await t.payload.create({
      collection: 'media',
      data: { alt: 'The harbour at dawn' },
      file: { data: png, mimetype: 'image/png', name: 'harbour.png', size: png.length },
    })
    credited = await t.payload.create({
      collection: 'media',
      data: { alt: 'Boats', credit: { creator: 'Jane Doe', provider: 'Reuters' } },
      file: { data: png, mimetype: 'image/png', name: 'boats.png', size: png.length },
    })
  })

  const article = (title: string, extra: Record<string, unknown> = {}) => ({
    title,
    authors: [authorId],
    body: paragraphsToLexical([`Body of ${title}.`]),
    ...extra,
  })

  const bodyWithPhoto = (title: string, mediaId: number) => {
    const body = paragraphsToLexical([`Body of ${title}.`]) as { root: { children: unknown[] } }
    body.root.children.push({ type: 'upload', relationTo: 'media', value: mediaId, fields: {}, format: '', id: '6650f1c2a3b4c5d6e7f80912', version: 3 })
    return body
  }

  it('refuses to publish while the lead image has no credit, naming the photo; drafts and autosaves still save; publishing works once credited', async () => {
    const created = await t.rest.post('/articles?draft=true', { token: editor.token, body: article('Harbour reopens', { leadImage: uncredited.id, _status: 'draft' }) })
    expect(created.status).toBe(201)
    const { doc } = await created.json()

    const draft = await t.rest.patch(`/articles/${doc.id}?draft=true`, { token: editor.token, body: { standfirst: 'Still a draft.' } })
    expect(draft.status).toBe(200)
    const autosave = await t.rest.patch(`/articles/${doc.id}?draft=true&autosave=true`, { token: editor.token, body: { standfirst: 'Autosaved.' } })
    expect(autosave.status).toBe(200)

    const refused = await t.rest.patch(`/articles/${doc.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(refused.status).toBe(400)
    const error = (await refused.json()).errors[0]
    const message = `Cannot publish: the lead image "${uncredited.filename}" (media ${uncredited.id}) has no credit — add a photographer or agency.`
    expect(error.message).toBe(message)
    expect(error.data.errors).toEqual([expect.objectContaining({ path: 'leadImage', message })])
    expect((await t.payload.findByID({ collection: 'articles', id: doc.id, draft: false }))._status).not.toBe('published')

    // The admin's Publish button: draft=true with _status published.
    const viaAdmin = await t.rest.patch(`/articles/${doc.id}?draft=true`, { token: editor.token, body: { _status: 'published' } })
    expect(viaAdmin.status).toBe(400)

    const fixed = await t.rest.patch(`/media/${uncredited.id}`, { token: editor.token, body: { credit: { creator: 'Abdulaziz KETAZ', provider: 'AFP' } } })
    expect(fixed.status).toBe(200)
    const published = await t.rest.patch(`/articles/${doc.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect((await published.json()).doc._status).toBe('published')

    // Once published, swapping in an uncredited photo is refused too.
    const stillUncredited = await t.payload.create({
      collection: 'media',
      data: { alt: 'Another' },
      file: { data: await sharp({ create: { width: 64, height: 64, channels: 3, background: '#123' } }).png().toBuffer(), mimetype: 'image/png', name: 'another.png', size: 0 },
    })
    const swap = await t.rest.patch(`/articles/${doc.id}`, { token: editor.token, body: { leadImage: stillUncredited.id } })
    expect(swap.status).toBe(400)
    expect((await swap.json()).errors[0].message).toContain(`(media ${stillUncredited.id}) has no credit`)
    // …but unpublishing is not.
    const unpublish = await t.rest.patch(`/articles/${doc.id}`, { token: editor.token, body: { _status: 'draft', leadImage: stillUncredited.id } })
    expect(unpublish.status).toBe(200)
  })

  it('refuses to publish while a photo in the body lacks alt text or a credit, and creates nothing', async () => {
    // An imported photo may lack alt text (the admin and API require it; the database does not know).
    const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#456' } }).png().toBuffer()
    const bare = await t.payload.create({
      collection: 'media',
      data: { alt: 'temporary' },
      file: { data: png, mimetype: 'image/png', name: 'in-body.png', size: png.length },
    })
    await t.payload.db.updateOne({ collection: 'media', id: bare.id, data: { alt: '' } })

    const before = (await t.payload.count({ collection: 'articles' })).totalDocs
    const refused = await t.rest.post('/articles', {
      token: editor.token,
      body: article('Body photo', { leadImage: credited.id, body: bodyWithPhoto('Body photo', bare.id), _status: 'published' }),
    })
    expect(refused.status).toBe(400)
    const error = (await refused.json()).errors[0]
    expect(error.message).toBe(
      `Cannot publish: the photo "${bare.filename}" (media ${bare.id}) in the body has no alt text and no credit — add alt text and a photographer or agency.`,
    )
    expect(error.data.errors[0].path).toBe('body')
    expect((await t.payload.count({ collection: 'articles' })).totalDocs).toBe(before)

    // As a draft it saves; once the photo has alt text and a credit, it publishes.
    const draft = await t.rest.post('/articles?draft=true', {
      token: editor.token,
      body: article('Body photo', { leadImage: credited.id, body: bodyWithPhoto('Body photo', bare.id), _status: 'draft' }),
    })
    expect(draft.status).toBe(201)
    const { doc } = await draft.json()
    await t.rest.patch(`/media/${bare.id}`, { token: editor.token, body: { alt: 'Crowds in the square', credit: { provider: 'AP' } } })
    const published = await t.rest.patch(`/articles/${doc.id}`, { token: editor.token, body: { _status: 'published' } })
    expect(published.status).toBe(200)
  })

  it('holds for the scheduled-publish job too', async () => {
    const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#321' } }).png().toBuffer()
    const photo = await t.payload.create({
      collection: 'media',
      data: { alt: 'No credit yet' },
      file: { data: png, mimetype: 'image/png', name: 'scheduled.png', size: png.length },
    })
    const draft = await t.payload.create({
      collection: 'articles',
      data: article('Scheduled', { leadImage: photo.id, _status: 'draft' }),
      draft: true,
    })
    await t.payload.jobs.queue({ task: 'schedulePublish', input: { type: 'publish', doc: { relationTo: 'articles', value: draft.id } } })
    await t.payload.jobs.run()
    expect((await t.payload.findByID({ collection: 'articles', id: draft.id, draft: false }))._status).not.toBe('published')
    const { docs: jobs } = await t.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'schedulePublish' } }, depth: 0 })
    expect(JSON.stringify(jobs)).toContain('has no credit')
  })

})

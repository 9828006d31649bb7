import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { isEditor, isStaff, anyone } from '@/access/roles'
import { revalidateDeleted, revalidateMedia } from '@/hooks/revalidate'
import { formatCreditLine } from '@/lib/credit'
import { MAX_UPLOAD_BYTES, rejectNonImageUploads } from '@/hooks/rejectNonImageUploads'

/**
 * Photos. The credit is stored once, here, as structured fields; the caption under the image, the
 * JSON-LD ImageObject, the feeds and the admin list all derive from it.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'credit.line', 'updatedAt'],
    listSearchableFields: ['alt', 'caption', 'credit.line', 'filename'],
    group: 'Content',
  },
  access: {
    read: anyone,
    create: isStaff,
    update: isStaff,
    delete: isEditor,
  },
  hooks: {
    beforeOperation: [rejectNonImageUploads],
    afterChange: [revalidateMedia],
    afterDelete: [revalidateDeleted],
  },
  upload: {
    // Outside public/: Payload serves the files itself, through its access rules and headers.
    staticDir: process.env.MEDIA_DIR ?? path.resolve(process.cwd(), 'data', 'media'),
    mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/avif'],
    filesRequiredOnCreate: true,
    focalPoint: true,
    crop: true,
    formatOptions: { format: 'webp', options: { quality: 82 } },
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre', formatOptions: { format: 'webp' } },
      { name: 'card', width: 800, height: 450, position: 'centre', formatOptions: { format: 'webp' } },
      // Three widths at the photo's own proportions: the srcset of article figures.
      { name: 'small', width: 640, withoutEnlargement: true, formatOptions: { format: 'webp' } },
      { name: 'medium', width: 1024, withoutEnlargement: true, formatOptions: { format: 'webp' } },
      { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: { format: 'webp' } },
      // The 1.91:1 image that social networks and search engines show when the article is shared.
      { name: 'social', width: 1200, height: 630, position: 'centre', formatOptions: { format: 'webp' } },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      admin: { description: 'What the photo shows, for readers who cannot see it.' },
    },
    {
      name: 'caption',
      type: 'textarea',
      admin: { description: 'Printed under the photo. Leave the credit out: it is added from the fields below.' },
    },
    {
      name: 'credit',
      type: 'group',
      admin: { description: 'Who made the photo and who distributes it. Printed as the credit line.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'creator', type: 'text', label: 'Photographer', admin: { width: '50%' } },
            { name: 'provider', type: 'text', label: 'Agency / provider', admin: { width: '50%' } },
          ],
        },
        {
          name: 'line',
          type: 'text',
          label: 'Credit line',
          admin: { description: 'As printed, e.g. "Abdulaziz KETAZ / AFP". Built from photographer and agency when empty.' },
          hooks: {
            beforeChange: [
              ({ value, siblingData }) =>
                typeof value === 'string' && value.trim() !== ''
                  ? value.trim()
                  : formatCreditLine({ creator: siblingData.creator, provider: siblingData.provider }) || null,
            ],
          },
        },
        { name: 'copyright', type: 'text', label: 'Copyright notice' },
        {
          name: 'license',
          type: 'text',
          label: 'Licence URL',
          validate: (value: unknown) => {
            if (value == null || value === '') return true
            return typeof value === 'string' && /^https?:\/\/\S+$/.test(value)
              ? true
              : 'The licence must be an http(s) URL, e.g. https://creativecommons.org/licenses/by/4.0/.'
          },
        },
      ],
    },
  ],
}

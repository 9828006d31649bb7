import type { CollectionConfig } from 'payload'
import { canUpdatePhoto, readersSeeShownPhotos } from '@/collections/Media/access'
import { isEditor, isStaff, isStaffField, isStaffUser } from '@/access/roles'
import { createdByField } from '@/fields/created-by'
import { recordCreator } from '@/hooks/created-by'
import { fillFromUploadMetadata, readUploadMetadata } from '@/collections/Media/hooks/read-metadata'
import { refuseControlCharacters } from '@/hooks/refuse-control-characters'
import { stampRightsIntoFiles } from '@/collections/Media/hooks/stamp-rights'
import { markIncomplete } from '@/collections/Media/hooks/mark-incomplete'
import { MAX_UPLOAD_BYTES, rejectNonImageUploads } from '@/collections/Media/hooks/refuse-non-images'
import { revalidateDeleted, revalidateMedia } from '@/hooks/expire-pages'
import { formatCreditLine } from '@/lib/photos/credit'
import { isHttpUrl } from '@/lib/text/links'
import { mediaDir } from '@/server/data-dir'

/**
 * Photos. The credit is stored once, here, as structured fields; the caption under the image, the
 * JSON-LD ImageObject, the feeds and the admin list all derive from it.
 *
 * On upload, what the file itself says (IPTC, XMP, EXIF) fills the fields left empty and is kept, as
 * supplied, in `embedded`; every stored file then carries the credit as XMP and no camera data.
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
    // Documents and files alike (Payload checks this access for /api/media/file/... too).
    read: readersSeeShownPhotos,
    create: isStaff,
    update: canUpdatePhoto,
    delete: isEditor,
  },
  hooks: {
    // The bytes are checked first, then read for their metadata before Payload converts them.
    beforeOperation: [refuseControlCharacters, rejectNonImageUploads, readUploadMetadata],
    // Before validation, so that a headline in the file can stand in for a missing alt text.
    beforeValidate: [fillFromUploadMetadata],
    beforeChange: [recordCreator, markIncomplete],
    afterChange: [stampRightsIntoFiles, revalidateMedia],
    afterDelete: [revalidateDeleted],
  },
  upload: {
    // Outside public/: Payload serves the files itself, through its access rules and headers.
    staticDir: mediaDir(process.cwd()),
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
    createdByField(),
    {
      name: 'shownToReaders',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      // Kept by the server from what is published (hooks/photo-visibility.ts), never by a request.
      access: { create: () => false, update: () => false },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: 'Set by the server: a published article or an author’s profile shows this photo. Until then readers cannot see it.',
      },
    },
    {
      // Kept by the server (hooks/mark-incomplete.ts): the photo lacks alt text or a credit.
      name: 'incomplete',
      type: 'checkbox',
      access: { read: isStaffField, create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'alt',
      type: 'text',
      required: true,
      admin: { description: 'What the photo shows, for readers who cannot see it.' },
      validate: (value: unknown, { event, operation }: { event?: 'onChange' | 'submit'; operation?: string }) => {
        if (typeof value === 'string' && value.trim() !== '') return true
        // While a new photo is being filled in, the admin need not insist: on saving, the server
        // takes the headline from the file's metadata when there is one, and insists otherwise.
        if (event === 'onChange' && operation === 'create') return true
        return 'Alt text is required: describe what the photo shows.'
      },
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
          hooks: { beforeChange: [creditLine] },
        },
        { name: 'copyright', type: 'text', label: 'Copyright notice' },
        {
          name: 'license',
          type: 'text',
          label: 'Licence URL',
          validate: (value: unknown) => {
            if (value == null || value === '') return true
            return typeof value === 'string' && isHttpUrl(value)
              ? true
              : 'The licence must be an http(s) URL, e.g. https://creativecommons.org/licenses/by/4.0/.'
          },
        },
      ],
    },
    {
      type: 'collapsible',
      label: 'Embedded metadata (as supplied)',
      admin: {
        initCollapsed: true,
        description:
          'What the file itself said when it was uploaded (IPTC, XMP, EXIF), kept as the photographer or agency sent it. Empty fields above were filled from it; it is replaced only by a new file.',
      },
      fields: [
        {
          name: 'embedded',
          type: 'group',
          label: false,
          // For the newsroom: agencies' notes are not for readers.
          access: { read: ({ req: { user } }) => isStaffUser(user) },
          admin: { readOnly: true, hideGutter: true },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'creator', type: 'text', label: 'By-line', admin: { readOnly: true, width: '50%' } },
                { name: 'credit', type: 'text', label: 'Credit (as sent)', admin: { readOnly: true, width: '50%' } },
              ],
            },
            {
              type: 'row',
              fields: [
                { name: 'source', type: 'text', label: 'Source', admin: { readOnly: true, width: '50%' } },
                { name: 'copyright', type: 'text', label: 'Copyright (as sent)', admin: { readOnly: true, width: '50%' } },
              ],
            },
            {
              type: 'row',
              fields: [
                { name: 'webStatement', type: 'text', label: 'Rights statement URL', admin: { readOnly: true, width: '50%' } },
                { name: 'dateTaken', type: 'text', label: 'Date taken', admin: { readOnly: true, width: '50%' } },
              ],
            },
            { name: 'headline', type: 'text', label: 'Headline', admin: { readOnly: true } },
            { name: 'title', type: 'text', label: 'Title', admin: { readOnly: true } },
            { name: 'description', type: 'textarea', label: 'Description', admin: { readOnly: true } },
          ],
        },
      ],
    },
  ],
}

/**
 * The credit line as printed. Typed, it is kept as typed; left empty, it is built from photographer
 * and agency; and a line that was only those two put together follows them when they change.
 */
function creditLine({
  value,
  siblingData,
  previousSiblingDoc,
}: {
  value?: unknown
  siblingData: Record<string, unknown>
  previousSiblingDoc?: Record<string, unknown>
}): string | null {
  const text = (field: string): string | null => {
    const current = field in siblingData ? siblingData[field] : previousSiblingDoc?.[field]
    return typeof current === 'string' ? current : null
  }
  const built = formatCreditLine({ creator: text('creator'), provider: text('provider') })
  const typed = typeof value === 'string' ? value.trim() : ''
  if (!typed) return built || null
  const builtBefore = formatCreditLine({
    creator: previousSiblingDoc?.creator as string | null | undefined,
    provider: previousSiblingDoc?.provider as string | null | undefined,
  })
  return builtBefore !== '' && typed === builtBefore ? built || null : typed
}

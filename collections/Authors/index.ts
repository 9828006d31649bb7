import type { CollectionConfig } from 'payload'
import { anyone, isEditor } from '@/access/roles'
import { slugField } from '@/fields/slug'
import { hideDeletedAuthorPhoto, updateAuthorPhotoVisibility } from '@/hooks/photo-visibility'
import { refuseControlCharacters } from '@/hooks/refuse-control-characters'
import { revalidateAuthor, revalidateDeleted } from '@/hooks/expire-pages'
import { authorSlugHistory } from '@/hooks/slug-history'
import { reindexAuthorArticles, reindexDeletedAuthorArticles } from '@/collections/Authors/hooks/search-index'
import { isHttpUrl } from '@/lib/text/links'

/** Public profiles of the people who write, separate from login accounts. */
export const Authors: CollectionConfig = {
  slug: 'authors',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'jobTitle', 'slug'],
    listSearchableFields: ['name', 'slug'],
    group: 'Content',
  },
  access: {
    read: anyone,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  hooks: {
    beforeOperation: [refuseControlCharacters],
    // A portrait is public: the author's page shows it.
    afterChange: [updateAuthorPhotoVisibility, authorSlugHistory, revalidateAuthor, reindexAuthorArticles],
    afterDelete: [hideDeletedAuthorPhoto, revalidateDeleted, reindexDeletedAuthorArticles],
  },
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('name'),
    { name: 'jobTitle', type: 'text', admin: { description: 'e.g. "Correspondent", "Middle East editor".' } },
    { name: 'bio', type: 'textarea' },
    {
      // Person JSON-LD `knowsAbout`, with the links below as its `sameAs`.
      name: 'expertise',
      type: 'text',
      hasMany: true,
      maxRows: 20,
      maxLength: 100,
      admin: { description: 'Subjects this person is known for, e.g. "Syria", "Energy markets".' },
    },
    { name: 'photo', type: 'upload', relationTo: 'media' },
    {
      name: 'links',
      type: 'array',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, admin: { width: '40%' } },
            {
              name: 'url',
              type: 'text',
              required: true,
              admin: { width: '60%' },
              validate: (value: unknown) =>
                typeof value === 'string' && isHttpUrl(value)
                  ? true
                  : 'Links must be http:// or https:// URLs, e.g. https://example.com/profile.',
            },
          ],
        },
      ],
    },
  ],
}

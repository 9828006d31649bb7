import type { CollectionConfig } from 'payload'
import { canCreateArticle, canUpdateArticle, publishedOrStaff } from '@/collections/Articles/access'
import { isEditor, isEditorField, isStaff, isStaffField, isStaffUser } from '@/access/roles'
import { createdByField } from '@/fields/created-by'
import { slugField } from '@/fields/slug'
import { refuseMalformedArticle } from '@/collections/Articles/hooks/refuse-malformed'
import { recordCreator } from '@/hooks/created-by'
import { hideDeletedArticlePhotos, recordArticlePhotos, updateArticlePhotoVisibility } from '@/hooks/photo-visibility'
import { refuseControlCharacters } from '@/hooks/refuse-control-characters'
import { refuseHeldArticles, refuseUncreditedPhotos } from '@/collections/Articles/hooks/publish-guardrail'
import { deskFields } from '@/collections/Articles/fields/desk'
import { deleteArticleNotes, deskRules } from '@/collections/Articles/hooks/desk'
import { articleSlugHistory } from '@/hooks/slug-history'
import { revalidateArticle, revalidateDeletedArticle } from '@/hooks/expire-pages'
import { noteDraftOnlySave, rememberStoredArticle } from '@/hooks/stored-article'
import { searchIndexHooks } from '@/collections/Articles/hooks/search-index'
import { canonicalLanguage, SITE_LANGUAGE, validateLanguage } from '@/lib/text/language'
import { SECTIONS } from '@/lib/content/sections'
import { siteUrl } from '@/lib/content/site'
import { monthOf } from '@/lib/seo/sitemap-parts'
import { utcDate } from '@/lib/text/dates'
import { slugify } from '@/lib/text/slug'
import { correctionFields } from '@/collections/Articles/fields/corrections'
import { labelFields } from '@/collections/Articles/fields/label'
import { keepCorrections } from '@/collections/Articles/hooks/corrections'
import { ninjsEndpoint } from '@/collections/Articles/endpoints/ninjs'

export const Articles: CollectionConfig = {
  slug: 'articles',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'authors', 'stage', '_status', 'publishedAt'],
    listSearchableFields: ['title', 'slug'],
    group: 'Content',
    // Opens the article on the site; for staff, through draft mode so the latest draft shows.
    preview: (doc) => (typeof doc.slug === 'string' ? `${siteUrl()}/preview?slug=${encodeURIComponent(doc.slug)}` : null),
  },
  access: {
    read: publishedOrStaff,
    // Versions hold drafts and unpublished edits: never for readers.
    readVersions: isStaff,
    create: canCreateArticle,
    update: canUpdateArticle,
    delete: isEditor,
  },
  // Two people opening the same article: the second is told who has it and may take over (Payload's lock).
  lockDocuments: { duration: 300 },
  endpoints: [ninjsEndpoint],
  versions: {
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    maxPerDoc: 50,
  },
  hooks: {
    beforeOperation: [
      noteDraftOnlySave,
      refuseControlCharacters,
      refuseMalformedArticle,
      // A reader asking for `draft=true` gets the published version, never the latest draft.
      ({ args, operation, req }) => {
        if (operation === 'read' && !isStaffUser(req.user)) {
          return { ...args, draft: false }
        }
        return args
      },
    ],
    beforeChange: [
      recordCreator,
      ({ data, originalDoc }) => {
        // Published means dated: the first publish sets the date, and clearing it keeps the one it had.
        if (data._status === 'published' && !data.publishedAt) data.publishedAt = originalDoc?.publishedAt ?? new Date().toISOString()
        // Kept in UTC ("…+02:00" as "…Z"): SQLite holds the text as given, and compares and sorts it as text.
        if (data.publishedAt) data.publishedAt = utcDate(data.publishedAt)
        data.publishedMonth = monthOf(data.publishedAt === undefined ? originalDoc?.publishedAt : data.publishedAt)
        return data
      },
      deskRules,
      // Nothing held, embargoed or not for publication is published; nor a photo without alt text and a credit.
      refuseHeldArticles,
      refuseUncreditedPhotos,
      keepCorrections,
      recordArticlePhotos,
      // What readers saw before: read once, for the afterChange hooks (none for an autosave).
      rememberStoredArticle,
    ],
    // Photos first: the pages expired next are rendered again showing them.
    afterChange: [updateArticlePhotoVisibility, articleSlugHistory, revalidateArticle, ...searchIndexHooks.afterChange],
    beforeDelete: [deleteArticleNotes],
    afterDelete: [hideDeletedArticlePhotos, revalidateDeletedArticle, ...searchIndexHooks.afterDelete],
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: 'Headline' },
    {
      name: 'standfirst',
      type: 'textarea',
      admin: { description: 'The summary under the headline; also the description search engines and feeds show.' },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'authors',
      hasMany: true,
      index: true,
      // Drafts skip Payload's validation, so this only bites when publishing (types are checked on
      // every save: collections/Articles/hooks/refuse-malformed.ts).
      validate: (value: unknown) =>
        Array.isArray(value) && value.length > 0 ? true : 'Add at least one author before publishing.',
    },
    { name: 'leadImage', type: 'upload', relationTo: 'media' },
    {
      // Warns, before anyone presses Publish, about photos that publishing would refuse.
      name: 'photoCheck',
      type: 'ui',
      admin: {
        position: 'sidebar',
        disableListColumn: true,
        components: { Field: '@/admin/PhotoCreditWarning#PhotoCreditWarning' },
      },
    },
    { name: 'body', type: 'richText' },
    {
      name: 'language',
      type: 'text',
      defaultValue: SITE_LANGUAGE,
      validate: (value: unknown) => validateLanguage(value),
      admin: {
        position: 'sidebar',
        description: 'The language the story is written in (BCP 47: "en", "ar", "fr-CA"…): sets the page’s language, right-to-left layout for Arabic, Hebrew, Persian, Urdu…, and how dates are written.',
      },
      hooks: { beforeValidate: [({ value }) => canonicalLanguage(value) ?? value] },
    },
    slugField('title', { language: 'language' }),
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      // Editors only, on create as on update: a writer's date would pin the story when it is published.
      access: { create: isEditorField, update: isEditorField },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: 'Set on first publish; editors may change it.',
      },
    },
    {
      // The month it was published in (UTC, 'YYYY-MM'), kept by the server from publishedAt: the articles
      // sitemap part that lists it (lib/seo/sitemap-parts.ts). Indexed with the status and the update
      // time, so that the sitemap index finds each month's latest update in the index.
      name: 'publishedMonth',
      type: 'text',
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
    },
    { name: 'section', type: 'select', options: [...SECTIONS], index: true, admin: { position: 'sidebar' } },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      admin: { position: 'sidebar' },
      hooks: {
        beforeChange: [({ value }) => (Array.isArray(value) ? [...new Set(value.map((tag: string) => tag.trim()).filter(Boolean))] : value)],
      },
    },
    {
      // The URL form of each tag (/tags/<slug>), kept beside the tags as typed so pages can look them up.
      name: 'tagSlugs',
      type: 'text',
      hasMany: true,
      index: true,
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          ({ siblingData }) => [...new Set(((siblingData.tags as string[] | undefined) ?? []).map((tag) => slugify(tag)).filter(Boolean))],
        ],
      },
    },
    {
      // Every photo the article shows (lead image and body), kept by the server (hooks/photo-visibility.ts):
      // readers may see a photo once a published article shows it.
      name: 'photos',
      type: 'relationship',
      relationTo: 'media',
      hasMany: true,
      index: true,
      maxDepth: 0,
      access: { read: isStaffField, create: () => false, update: () => false },
      admin: { hidden: true },
    },
    { name: 'dateline', type: 'text', admin: { position: 'sidebar', description: 'Where the story was filed, e.g. "Damascus".' } },
    createdByField(),
    ...deskFields,
    ...labelFields,
    ...correctionFields,
  ],
}

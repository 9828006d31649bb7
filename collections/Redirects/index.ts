import type { CollectionConfig, PayloadRequest, TextFieldSingleValidation } from 'payload'
import { isEditor, isEditorUser } from '@/access/roles'
import { TAGS } from '@/lib/content/cache-tags'
import { normalizePath, normalizeTarget, redirectProblem, REDIRECT_STATUSES, DEFAULT_STATUS, targetPath } from '@/lib/content/redirects'
import { expireTags } from '@/lib/invalidation/expire'
import { siteUrl } from '@/lib/content/site'
import type { Redirect } from '@/payload-types'
import { importRedirects } from './import'

/**
 * Old URLs that still answer: a path on the site that redirects to another path or an external URL.
 * Editors manage them (a site migration imports them from CSV: POST /api/redirects/import); the
 * slug-history hooks (hooks/slug-history.ts) keep one for every URL a published article or author
 * left behind. Reader routes look here only when they find no page (reader/page.tsx), so the
 * redirects cost nothing on the hot path. Every redirect is one hop: chains and loops are refused.
 */

async function findOne(req: PayloadRequest, field: 'from' | 'to', value: string, notId?: number | string): Promise<Redirect | null> {
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: { and: [{ [field]: { equals: value } }, ...(notId === undefined ? [] : [{ id: { not_equals: notId } }])] },
    limit: 1,
    depth: 0,
    pagination: false,
    req,
  })
  return docs[0] ?? null
}

const validateFrom: TextFieldSingleValidation = async (value, { req, id }) => {
  if (typeof value !== 'string' || value === '') return 'From: the old path is required, e.g. /2019/05/old-story.'
  const normalized = normalizePath(value)
  if ('error' in normalized) return `From: ${normalized.error}`
  const existing = await findOne(req, 'from', normalized.path, id)
  return existing ? `From: a redirect from ${normalized.path} already exists (to ${existing.to}).` : true
}

const validateTo: TextFieldSingleValidation = async (value, { req, id, data }) => {
  if (typeof value !== 'string' || value === '') return 'To: where the old path goes is required, e.g. /articles/new-story.'
  const target = normalizeTarget(value, siteUrl())
  if ('error' in target) return `To: ${target.error}`
  const { from: stored } = (data ?? {}) as Partial<Redirect>
  const from = typeof stored === 'string' ? stored : ''
  const path = targetPath(target.to)
  const [onward, inward] = await Promise.all([
    path === null ? null : findOne(req, 'from', path, id),
    from === '' ? null : findOne(req, 'to', from, id),
  ])
  return redirectProblem({ from, to: target.to }, onward, inward) ?? true
}

const expireRedirects = (req: PayloadRequest, ...froms: (string | null | undefined)[]) =>
  expireTags(froms.flatMap((from) => (from ? [TAGS.redirect(from)] : [])), req)

export const Redirects: CollectionConfig = {
  slug: 'redirects',
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'status', 'origin', 'updatedAt'],
    listSearchableFields: ['from', 'to'],
    group: 'Settings',
    description: 'Old URLs that send readers on. Those that published articles and authors left behind are added automatically.',
  },
  access: {
    read: isEditor,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  endpoints: [
    {
      // A site migration's redirects, as CSV lines from,to[,status]; answers a report line by line.
      path: '/import',
      method: 'post',
      handler: async (req) => {
        if (!isEditorUser(req.user)) {
          return Response.json({ errors: [{ message: 'Only editors and admins may import redirects.' }] }, { status: 403 })
        }
        return importRedirects(req)
      },
    },
  ],
  hooks: {
    afterChange: [
      async ({ doc, previousDoc, req, context }) => {
        if (!context.disableRevalidate) await expireRedirects(req, doc.from, previousDoc?.from)
        return doc
      },
    ],
    afterDelete: [
      async ({ doc, req, context }) => {
        if (!context.disableRevalidate) await expireRedirects(req, doc.from)
        return doc
      },
    ],
  },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: validateFrom,
      admin: { description: 'The old path on this site, e.g. /2019/05/old-story (a pasted URL of this site works too).' },
      hooks: {
        beforeValidate: [
          ({ value }) => {
            if (typeof value !== 'string') return value
            // A pasted URL of the site itself is its path.
            const target = normalizeTarget(value, siteUrl())
            const normalized = normalizePath('to' in target && target.to.startsWith('/') ? target.to : value)
            return 'path' in normalized ? normalized.path : value
          },
        ],
      },
    },
    {
      name: 'to',
      type: 'text',
      required: true,
      validate: validateTo,
      admin: { description: 'Where it goes: a path on this site (/articles/new-story) or an http(s) URL.' },
      hooks: {
        beforeValidate: [
          ({ value }) => {
            if (typeof value !== 'string') return value
            const target = normalizeTarget(value, siteUrl())
            return 'to' in target ? target.to : value
          },
        ],
      },
    },
    {
      name: 'status',
      type: 'select',
      // Not `required`: the default always fills it, and GraphQL would then demand it of every client.
      defaultValue: DEFAULT_STATUS,
      options: [
        { label: 'Permanent (308)', value: '308' },
        { label: 'Permanent (301)', value: '301' },
        { label: 'Temporary (307)', value: '307' },
        { label: 'Temporary (302)', value: '302' },
      ] satisfies { value: (typeof REDIRECT_STATUSES)[number]; label: string }[],
      admin: { position: 'sidebar', description: 'Permanent moves the old URL’s standing in search engines to the new one.' },
    },
    {
      name: 'origin',
      type: 'select',
      defaultValue: 'manual',
      options: [
        { label: 'Added by an editor', value: 'manual' },
        { label: 'CSV import', value: 'import' },
        { label: 'Slug change (automatic)', value: 'auto' },
      ],
      // Set by the server (the import, the slug-history hooks), never by a request.
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}

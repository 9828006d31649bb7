import { stat } from 'node:fs/promises'
import path from 'node:path'
import {
  APIError,
  isValidID,
  type AfterErrorHook,
  type CollectionSlug,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type Plugin,
  type SanitizedCollectionConfig,
  type UploadConfig,
} from 'payload'
import { isStaffUser } from '@/access/roles'
import { UPLOAD_CSP } from '@/server/security-headers.ts'
import { cappedPaging, pagingProblem, whereProblem, type FieldKind, type QueryShape } from './query-guards'

/**
 * Guards every collection, including ones added later, against what a client can ask of the REST
 * and GraphQL APIs (the local API, which the site's own code uses, is trusted and left alone):
 * bad paging and `where` values are refused with a 400 naming the parameter, a reader's page is
 * capped, a missing upload is a 404, an unreadable JSON parameter or body is a 400, and a refusal
 * keeps its message in the production build. Uploaded files get their sandboxing CSP here too,
 * from Payload's file handler.
 */
export const apiGuards = (): Plugin => (config) => ({
  ...config,
  collections: config.collections?.map(guardCollection),
  hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), namelessErrors, unreadableJson] },
})

function guardCollection(collection: CollectionConfig): CollectionConfig {
  const own: UploadConfig = collection.upload === true ? {} : collection.upload || {}
  const upload = collection.upload && {
    ...own,
    // Payload's type wants "always a Response" or "never one"; a handler may answer or pass.
    handlers: [missingFileIsNotFound as FileHandler, ...(own.handlers ?? [])],
    // Payload calls this for every file it serves, whatever encoding the path arrived in.
    modifyResponseHeaders: ({ headers }: { headers: Headers }) => {
      headers.set('Content-Security-Policy', UPLOAD_CSP)
      return own.modifyResponseHeaders?.({ headers }) || headers
    },
  }
  return {
    ...collection,
    ...(upload && { upload }),
    hooks: { ...collection.hooks, beforeOperation: [checkQuery, ...(collection.hooks?.beforeOperation ?? [])] },
  }
}

const READS = new Set(['read', 'readDistinct', 'findVersions'])

/** What the operations that read take from a client, whichever operation it is. */
interface ClientQuery {
  where?: unknown
  page?: unknown
  limit?: number
  pagination?: boolean
  id?: unknown
}

const checkQuery: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (req.payloadAPI === 'local') return args
  const query = args as ClientQuery
  const shape = queryShape(collection, req.payload.db)
  const problem =
    whereProblem(query.where, shape) ??
    (READS.has(operation) ? pagingProblem(query) : null) ??
    (operation === 'read' && query.id !== undefined && !shape.isId(query.id)
      ? // REST has already made a number of the path's id ("abc" → NaN): name what the client sent.
        `${shown(req.routeParams?.id ?? query.id)} is not a document id.`
      : null)
  if (problem) throw new APIError(problem, 400, null, true)
  // Staff tooling (the admin's lists, exports) may read as much as it likes; readers get pages.
  return READS.has(operation) && !isStaffUser(req.user) ? ({ ...args, ...cappedPaging(query) } as typeof args) : args
}

const shown = (value: unknown) => JSON.stringify(String(value).slice(0, 40))

function queryShape(collection: SanitizedCollectionConfig, db: { defaultIDType: 'number' | 'text'; name: string }): QueryShape {
  const isId = (value: unknown) => {
    if (db.defaultIDType === 'number') return /^\d{1,15}$/.test(String(value))
    return (typeof value === 'string' || typeof value === 'number') && isValidID(value, db.name === 'mongoose' ? 'ObjectID' : 'text')
  }
  const kinds = new Map<string, FieldKind>()
  for (const field of collection.flattenedFields) {
    if (field.type === 'date' || field.type === 'number') kinds.set(field.name, field.type)
    // A relationship to one collection is queried by that collection's ids; a polymorphic one by objects.
    if ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string') kinds.set(field.name, 'id')
  }
  return { isId, kindOf: (name) => kinds.get(name) ?? 'other' }
}

type FileHandler = NonNullable<UploadConfig['handlers']>[number]

/** Payload answers a file missing from the media folder with a 500; it is simply not there. */
async function missingFileIsNotFound(...[req, { params }]: Parameters<FileHandler>): Promise<Response | void> {
  const upload = req.payload.collections[params.collection as CollectionSlug]?.config.upload
  const dir = path.resolve(upload?.staticDir || params.collection)
  const file = path.resolve(dir, params.filename)
  // Anything outside the folder is Payload's to refuse, as it does.
  if (!file.startsWith(dir + path.sep)) return
  const found = await stat(file).then(
    (stats) => stats.isFile(),
    () => false,
  )
  if (!found) return noSuchFile(params.filename)
}

/** The answer for an upload file that is not there (or not there for this caller: lib/security/route-guards.ts). */
export const noSuchFile = (filename: string): Response =>
  Response.json({ errors: [{ message: `There is no file named ${shown(filename)}.` }] }, { status: 404 })

const UNKNOWN = 'An unknown error occurred.'

/**
 * Payload's errors take their name from their class (`this.constructor.name`), and the production
 * build's minifier leaves those classes nameless; Payload's formatter then answers every error that
 * carries no data with "An unknown error occurred." (a refused upload, a bad `where`, Not Found).
 * When the error is meant for the client (a 4xx, or marked public), say what it said.
 */
export const namelessErrors: AfterErrorHook = ({ error, result }) => {
  if (result?.errors?.[0]?.message !== UNKNOWN) return
  const { isPublic, message, status } = error as Error & { isPublic?: boolean; status?: number }
  if (!message || !(isPublic === true || (status !== undefined && status < 500))) return
  return { response: { errors: [{ message }] } }
}

/**
 * `where=abc`, `data=…` or a multipart `_payload` that is not JSON throw a bare SyntaxError inside
 * Payload, which it answers with a 500 and "Something went wrong.": say what could not be read.
 * (A JSON request body is checked before Payload reads it: lib/security/route-guards.ts.)
 */
export const unreadableJson: AfterErrorHook = ({ error, graphqlResult, req }) => {
  if (!(error instanceof SyntaxError && /JSON/.test(error.message))) return
  const query = req.query as Record<string, unknown> | undefined
  const parameter = ['where', 'data'].find((name) => typeof query?.[name] === 'string')
  const message = `${parameter ? `The ${parameter} parameter` : 'The request body'} is not valid JSON (${error.message}).`
  return {
    status: 400,
    response: { errors: [{ message }] },
    graphqlResult: graphqlResult && { ...graphqlResult, message, extensions: { ...graphqlResult.extensions, statusCode: 400 } },
  }
}

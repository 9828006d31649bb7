import { readFile } from 'node:fs/promises'
import { slugify, validateSlug } from '@/lib/text/slug'
import type { ParsedArticle } from '@/seed/parse'
import { parsePiece } from '@/seed/ninjs'
import { findPhotoSource, type PhotoSource } from '@/seed/photo'
import { describeError } from './report'

/* A piece read, parsed and checked: everything that can be checked without the database, before the first write. */

export interface Plan {
  parsed: ParsedArticle
  authors: { name: string; slug: string }[]
  photoSource: PhotoSource | null
}

export async function planPiece(file: string): Promise<Plan> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new Error(`cannot read the file (${(error as NodeJS.ErrnoException).code ?? describeError(error)})`)
  }
  const parsed = parsePiece(text, file)
  const authors = new Map<string, { name: string; slug: string }>()
  for (const name of parsed.authors) {
    const slug = slugify(name)
    if (validateSlug(slug) !== true) throw new Error(`cannot make a URL slug from the author name "${name}"`)
    if (!authors.has(slug)) authors.set(slug, { name, slug })
  }
  const photoSource = parsed.photo ? await findPhotoSource(file) : null
  return { parsed, authors: [...authors.values()], photoSource }
}

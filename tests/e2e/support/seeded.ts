import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArticle, type ParsedArticle } from '../../../seed/parse'

/** The seeded piece, as the file says it (the parser itself is unit-tested against literal values). */
export const SEEDED_FILE = path.resolve(
  'seed/content/trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact.txt',
)
export const seeded: ParsedArticle = parseArticle(readFileSync(SEEDED_FILE, 'utf8'), path.basename(SEEDED_FILE))
export const SEEDED_URL = `/articles/${seeded.slug}`

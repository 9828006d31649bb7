import type { Media } from '@/payload-types'

/**
 * A photo's credit as the media document stores it: the photographer (creator), who distributes
 * the photo (provider: an agency, "Courtesy of …"), the line as printed, the copyright notice and
 * the licence URL. Every module that reads or fills a credit uses this type.
 */
export type PhotoCredit = NonNullable<Media['credit']>

/** What a credit text names: who took the picture and who distributes it. */
export type Credit = Pick<PhotoCredit, 'creator' | 'provider'>

/** A document that carries a photo credit (a media document, or part of one). */
export type Credited = { credit?: PhotoCredit | null }

// "Photo by", "Photograph by", "Picture:" … The kind of prefix matters: see parseCredit.
const PREFIX = /^(?:photo(?:graph)?s?|picture|image)(?:\s+(?<by>by)\s+|\s*:\s*)/i

// Characters that belong to prose, not to a name or an agency.
const NOT_IN_A_NAME = /[,;:!?()"“”]/
const MAX_WORDS = 6

/**
 * Reads a photo credit: "Photo by Abdulaziz KETAZ / AFP", "Photo: AFP", "Abdulaziz KETAZ/AFP",
 * "Photo: Jane Doe for Reuters", "Photo by Jane Doe", "Handout / AFP". Surrounding parentheses are
 * allowed. Returns null when the text is not a credit.
 *
 * A lone name after "Photo:" is taken as the provider ("Photo: AFP") but after "Photo by" as the
 * creator, because "by" introduces a person. Without a prefix only "creator/provider" counts, so
 * that an ordinary parenthesis such as "(Reuters)" or "(fighting for peace)" is not a credit.
 */
export function parseCredit(text: string): Credit | null {
  const inner = text.trim().replace(/^\((.*)\)$/s, '$1').trim()
  const prefix = PREFIX.exec(inner)
  const rest = prefix ? inner.slice(prefix[0].length) : inner

  const parts = splitCreatorProvider(rest, prefix !== null)
  if (parts) {
    const [creator, provider] = parts
    return looksLikeName(creator) && looksLikeName(provider) ? { creator, provider } : null
  }
  if (!prefix || !looksLikeName(rest)) return null
  return prefix.groups?.by ? { creator: rest } : { provider: rest }
}

/**
 * The credit as printed under a photo: an explicit line wins; otherwise "Creator / Provider",
 * either one alone, or "" when there is nothing to credit. A provider is printed as given, so
 * "Courtesy of the family" keeps its wording.
 */
export function formatCreditLine(credit: Pick<PhotoCredit, 'creator' | 'provider' | 'line'>): string {
  const line = credit.line?.trim()
  if (line) return line
  const creator = credit.creator?.trim() ?? ''
  const provider = credit.provider?.trim() ?? ''
  // "AFP / AFP" says nothing more than "AFP".
  if (creator && provider && creator.toLowerCase() !== provider.toLowerCase()) return `${creator} / ${provider}`
  return provider || creator
}

/** The photo's credit as printed ("Abdulaziz KETAZ / AFP"), or "" when there is none. */
export function creditLine(media: Credited): string {
  return formatCreditLine(media.credit ?? {})
}

// Bylines that name no one: agencies put these where a photographer's name would go.
const GENERIC_CREATOR =
  /^(?:handout|stringer|staff|pool|file|archive|anonymous|unknown|n\/a|courtesy|various)(?:\s+(?:photo(?:grapher)?s?|picture|image))?$/i

/**
 * The photographer as a person's name, or null when the credit names no one ("Handout", "Pool",
 * "Stringer") or repeats the agency ("AFP / AFP").
 */
export function namedCreator(media: Credited): string | null {
  const creator = media.credit?.creator?.trim()
  if (!creator || GENERIC_CREATOR.test(creator)) return null
  const provider = media.credit?.provider?.trim()
  if (provider && provider.toLowerCase() === creator.toLowerCase()) return null
  return creator
}

function splitCreatorProvider(text: string, prefixed: boolean): [string, string] | null {
  const slash = text.indexOf('/')
  if (slash !== -1) return [text.slice(0, slash).trim(), text.slice(slash + 1).trim()]
  // "X for AGENCY" only after a prefix: bare, it is too common in ordinary prose.
  const forAgency = prefixed ? / for /.exec(text) : null
  if (forAgency) return [text.slice(0, forAgency.index).trim(), text.slice(forAgency.index + 5).trim()]
  return null
}

function looksLikeName(text: string): boolean {
  return /^[\p{Lu}\p{N}]/u.test(text) && !NOT_IN_A_NAME.test(text) && text.split(/\s+/).length <= MAX_WORDS
}

/**
 * The languages articles are written in: BCP 47 tags ("en", "ar", "pt-BR"), the direction their
 * script runs in, and the locale their dates are written in. Pure; Intl (ICU's data) knows the
 * languages, so no table of them lives here.
 */

/** The site's own language: its pages, its feed channel, and any article that names none. */
export const SITE_LANGUAGE = 'en'

/** The canonical form of a BCP 47 tag ("EN-gb" → "en-GB", "iw" → "he"), or null when it is not one. */
export function canonicalLanguage(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  try {
    return Intl.getCanonicalLocales(value.trim())[0] ?? null
  } catch {
    return null
  }
}

/** Payload's validator convention: `true`, or what is wrong. */
export function validateLanguage(value: unknown): true | string {
  if (value === null || value === undefined || value === '') return true
  return canonicalLanguage(value) === null
    ? `"${String(value)}" is not a language tag: use BCP 47, e.g. "en", "ar", "fr-CA", "zh-Hant".`
    : true
}

type TextInfo = { direction?: 'ltr' | 'rtl' }
type LocaleWithTextInfo = Intl.Locale & { getTextInfo?: () => TextInfo; textInfo?: TextInfo }

/**
 * "rtl" for languages written right to left (Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Uyghur,
 * Yiddish, Dhivehi…, and any tag naming such a script, e.g. "az-Arab"), else "ltr". ICU decides
 * from the tag's likely script, so "sd-Deva" (Sindhi in Devanagari) is "ltr".
 */
export function textDirection(language: string | null | undefined): 'ltr' | 'rtl' {
  const canonical = canonicalLanguage(language)
  if (canonical === null) return 'ltr'
  const locale = new Intl.Locale(canonical) as LocaleWithTextInfo
  // getTextInfo() in current engines; the older accessor property in Node 22.
  const info = locale.getTextInfo?.() ?? locale.textInfo
  return info?.direction === 'rtl' ? 'rtl' : 'ltr'
}

/** The locale dates are written in for an article in `language`; English keeps the house day-first style. */
export function dateLocale(language: string | null | undefined): string {
  const canonical = canonicalLanguage(language) ?? SITE_LANGUAGE
  return canonical === 'en' ? 'en-GB' : canonical
}

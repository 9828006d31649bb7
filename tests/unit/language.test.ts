import { describe, expect, it } from 'vitest'
import { formatDisplayDate } from '@/lib/text/format'
import { canonicalLanguage, dateLocale, SITE_LANGUAGE, textDirection, validateLanguage } from '@/lib/text/language'

describe('canonicalLanguage and validateLanguage', () => {
  it('canonicalises BCP 47 tags', () => {
    expect(canonicalLanguage('EN-gb')).toBe('en-GB')
    expect(canonicalLanguage('zh-hant-tw')).toBe('zh-Hant-TW')
    expect(canonicalLanguage('iw')).toBe('he')
    expect(validateLanguage('ar')).toBe(true)
    expect(validateLanguage(undefined)).toBe(true)
  })
  it.each(['en_US', 'English (UK)', 'a', '12', 'en--gb', 'en-'])('refuses %j, saying what a tag looks like', (value) => {
    expect(canonicalLanguage(value)).toBeNull()
    expect(validateLanguage(value)).toMatch(/is not a language tag: use BCP 47/)
  })
})

describe('textDirection', () => {
  it.each(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ar-EG', 'az-Arab', 'ckb', 'iw'])('is rtl for %s', (language) => {
    expect(textDirection(language)).toBe('rtl')
  })
  it.each(['en', 'fr-CA', 'ru', 'zh-Hant', 'sd-Deva', 'tr', 'vi', 'el', null, undefined, 'not a tag'])('is ltr for %j', (language) => {
    expect(textDirection(language)).toBe('ltr')
  })
})

describe('dateLocale', () => {
  it('writes dates in the article’s language, English day-first', () => {
    expect(SITE_LANGUAGE).toBe('en')
    expect(formatDisplayDate('2025-06-30T12:00:00Z', dateLocale('en'))).toBe('30 June 2025')
    expect(formatDisplayDate('2025-06-30T12:00:00Z', dateLocale('fr'))).toBe('30 juin 2025')
    expect(formatDisplayDate('2025-06-30T12:00:00Z', dateLocale('ar'))).toMatch(/يونيو/)
    expect(dateLocale(null)).toBe('en-GB')
  })
})

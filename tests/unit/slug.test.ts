import { describe, expect, it } from 'vitest'
import { isSlug, MAX_SLUG_LENGTH, slugify, unsluggable, validateSlug } from '@/lib/text/slug'

describe('slugify', () => {
  it('makes the seeded headline into its slug', () => {
    expect(slugify('Trump Administration Holds Quiet Talks to Broker Israeli-Syrian Security Pact')).toBe(
      'trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact',
    )
  })
  it('folds accents, drops apostrophes and collapses punctuation', () => {
    expect(slugify('  Müller’s “Café” — 1974 accord!  ')).toBe('mullers-cafe-1974-accord')
  })
  it('returns an empty string when nothing is left', () => {
    expect(slugify('—!?')).toBe('')
    expect(slugify('🎉🎉 🚀')).toBe('')
  })

  it.each([
    ['Łukasz Wróbel', 'lukasz-wrobel'],
    ['Novak Djoković, Đoković', 'novak-djokovic-djokovic'],
    ['Straße', 'strasse'],
    ['Søren Ørsted', 'soren-orsted'],
    ['Æsir œuvre þorn', 'aesir-oeuvre-thorn'],
    // Turkish: dotless ı and dotted İ are both plain i in a URL (not "i̇" from a naive lowercase).
    ['Işık ılık İstanbul’da', 'isik-ilik-istanbulda'],
    ['Ṭūbā ḥ', 'tuba-h'],
    ['ＦＵＬＬ　ｗｉｄｔｈ ﬁnal', 'full-width-final'],
  ])('transliterates Latin letters: %j', (headline, slug) => {
    expect(slugify(headline)).toBe(slug)
  })

  it('uses language-specific folding where the article’s language has one', () => {
    // Vietnamese đ is a d; elsewhere (Serbo-Croatian) it is dj.
    expect(slugify('Đà Nẵng mưa lớn, Nguyễn Phú Trọng phát biểu', 'vi')).toBe('da-nang-mua-lon-nguyen-phu-trong-phat-bieu')
    expect(slugify('Über Österreich', 'de-AT')).toBe('ueber-oesterreich')
    expect(slugify('Über Österreich', 'en')).toBe('uber-osterreich')
  })

  it.each([
    ['محادثات هادئة بين إسرائيل وسوريا', 'محادثات-هادئة-بين-إسرائيل-وسوريا'],
    // Vowel points and the tatweel are optional: the slug is the word as usually written.
    ['مُحَمَّد ـــ ٢٠٢٥', 'محمد-٢٠٢٥'],
    ['שלום עכשיו: צה״ל', 'שלום-עכשיו-צהל'],
    ['Ελληνικά: Αθήνα ΟΔΟΣ', 'ελληνικά-αθήνα-οδος'],
    ['Москва и Санкт-Петербург', 'москва-и-санкт-петербург'],
    ['東京 オリンピック 2020', '東京-オリンピック-2020'],
    ['서울 시장 선거', '서울-시장-선거'],
    // Devanagari vowel signs are marks that belong to their letters, not separators.
    ['भारत में चुनाव', 'भारत-में-चुनाव'],
  ])('keeps other scripts in their own letters: %j', (headline, slug) => {
    expect(slugify(headline)).toBe(slug)
  })

  it('mixes scripts in one slug', () => {
    expect(slugify('Путин и Erdoğan: «переговоры»')).toBe('путин-и-erdogan-переговоры')
  })

  it('cuts a very long headline at a word boundary', () => {
    const slug = slugify('word '.repeat(100))
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug).toMatch(/^(word-)+word$/)
    expect(slugify('x'.repeat(300))).toHaveLength(MAX_SLUG_LENGTH)
  })

  it('leaves a slug as it is (so validation can ask whether a string is one)', () => {
    for (const headline of ['Łukasz Wróbel', 'محادثات هادئة', 'भारत में चुनाव', 'Ελληνικά Αθήνα', 'word '.repeat(100)]) {
      const slug = slugify(headline)
      expect(slugify(slug)).toBe(slug)
      expect(isSlug(slug)).toBe(true)
    }
  })
})

describe('validateSlug', () => {
  it.each(['ahmed-mohammed', 'محادثات-هادئة-بين-إسرائيل-وسوريا', 'москва-2025', '東京'])('accepts %j', (slug) => {
    expect(validateSlug(slug)).toBe(true)
  })
  it.each(['Ahmed', 'a--b', '-a', 'a b', 'é', '', 'Москва', 'a/b', '%D9%85', '🎉'])('rejects %j with a message', (slug) => {
    expect(validateSlug(slug)).toMatch(/slug/)
  })
  it('bounds the length', () => {
    expect(validateSlug('a'.repeat(MAX_SLUG_LENGTH))).toBe(true)
    expect(validateSlug('a'.repeat(MAX_SLUG_LENGTH + 1))).toMatch(/at most 200 characters/)
  })
})

describe('unsluggable', () => {
  it('explains an emoji-only headline', () => {
    expect(unsluggable('🎉🎉🎉', 'title')).toBe('The title "🎉🎉🎉" has no letters or digits to make a URL slug from: type a slug.')
  })
  it('has nothing to say about a headline with letters, or no headline', () => {
    expect(unsluggable('محادثات', 'title')).toBeNull()
    expect(unsluggable('', 'title')).toBeNull()
    expect(unsluggable(undefined, 'title')).toBeNull()
  })
})

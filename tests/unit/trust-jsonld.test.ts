import { describe, expect, it } from 'vitest'
import { articleJsonLd, claimReviewJsonLd, organizationJsonLd, personJsonLd } from '@/lib/seo/jsonld'
import { articleHead, authorHead } from '@/lib/seo/page-head'
import { ARTICLE_KINDS } from '@/lib/content/labels'
import { ORIGIN, SITE, article, author } from './support/reader-fixtures'

/**
 * Google's structured-data expectations, as assertions on the parsed JSON-LD: each type's required
 * and recommended properties (Article: headline, image, datePublished, dateModified, author with a
 * name; ClaimReview: claimReviewed, reviewRating.alternateName, url; Organization: name, url).
 */
function expectGoogleArticle(ld: Record<string, unknown>) {
  expect(ld['@context']).toBe('https://schema.org')
  for (const key of ['headline', 'image', 'datePublished', 'dateModified', 'author', 'publisher']) expect(ld).toHaveProperty(key)
  expect((ld.headline as string).length).toBeLessThanOrEqual(110)
  for (const person of ld.author as { name?: string }[]) expect(person.name).toBeTruthy()
  expect(Date.parse(ld.dateModified as string)).toBeGreaterThanOrEqual(Date.parse(ld.datePublished as string))
}

const corrected = article({
  updatedAt: '2025-07-05T08:00:00.000Z',
  corrections: [
    { id: 'a', type: 'update', date: '2025-07-01T09:00:00.000Z', text: 'Adds the minister’s statement.' },
    { id: 'b', type: 'correction', date: '2025-07-02T09:00:00.000Z', text: 'An earlier version misnamed the town of Jobar.' },
    { id: 'c', type: 'editorsNote', date: '2025-06-30T11:00:00.000Z', text: 'This story has been updated.' },
  ],
})

describe('articleJsonLd per label', () => {
  it.each(ARTICLE_KINDS.map((kind) => [kind.value, kind.schemaType]))('a %s article is a %s', (kind, type) => {
    const ld = articleJsonLd(article({ kind: kind as never }), SITE)
    expect(ld['@type']).toBe(type)
    expectGoogleArticle(ld as unknown as Record<string, unknown>)
  })

  it('is a NewsArticle when the label is missing', () => {
    expect(articleJsonLd(article({ kind: null }), SITE)['@type']).toBe('NewsArticle')
  })
})

describe('corrections in JSON-LD', () => {
  const ld = articleJsonLd(corrected, SITE) as unknown as Record<string, any>

  it('lists corrections and clarifications as CorrectionComment, newest first, never updates or notes', () => {
    expect(ld.correction).toEqual([{ '@type': 'CorrectionComment', datePublished: '2025-07-02T09:00:00.000Z', text: 'An earlier version misnamed the town of Jobar.' }])
  })

  it('dates dateModified by the newest entry, not by updatedAt', () => {
    expect(ld.dateModified).toBe('2025-07-02T09:00:00.000Z')
    expectGoogleArticle(ld)
  })

  it('follows an editor’s significant-update mark when it is newer', () => {
    expect(articleJsonLd(article({ ...corrected, modifiedAt: '2025-07-03T10:00:00.000Z' }), SITE).dateModified).toBe('2025-07-03T10:00:00.000Z')
  })

  it('says the same modified time in OpenGraph', () => {
    const head = articleHead(corrected, SITE)
    expect(head.meta.find((tag) => tag.property === 'article:modified_time')?.content).toBe('2025-07-02T09:00:00.000Z')
  })
})

describe('claimReviewJsonLd', () => {
  const factCheck = article({ kind: 'factCheck', factCheck: { claim: 'The ceasefire was never agreed.', claimant: 'A minister', verdict: 'False' } })

  it('describes a filled-in fact check as Google expects', () => {
    const review = claimReviewJsonLd(factCheck, SITE) as unknown as Record<string, any>
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${ORIGIN}/articles/ceasefire-holds-in-damascus-suburbs`,
      claimReviewed: 'The ceasefire was never agreed.',
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A minister' } },
      reviewRating: { '@type': 'Rating', alternateName: 'False' },
      author: { '@type': 'NewsMediaOrganization', name: 'Masthead' },
    })
    expect(articleHead(factCheck, SITE).jsonLd.map((data) => data['@type'])).toEqual(['NewsArticle', 'BreadcrumbList', 'ClaimReview', 'NewsMediaOrganization'])
  })

  it('is left out unless the article is a fact check with a claim and a verdict', () => {
    expect(claimReviewJsonLd(article({ kind: 'news', factCheck: factCheck.factCheck }), SITE)).toBeNull()
    expect(claimReviewJsonLd(article({ kind: 'factCheck', factCheck: { claim: 'x', verdict: ' ' } }), SITE)).toBeNull()
    expect(claimReviewJsonLd(article({ kind: 'factCheck' }), SITE)).toBeNull()
    expect(articleHead(article({ kind: 'factCheck' }), SITE).jsonLd.map((data) => data['@type'])).not.toContain('ClaimReview')
  })
})

describe('organizationJsonLd', () => {
  it('names the publication and its policies', () => {
    const site = {
      ...SITE,
      name: 'The Harbour Times',
      description: 'Local news.',
      logoUrl: '/logo.png',
      contactEmail: 'news@harbour.example',
      policies: { corrections: '/about/corrections', ethics: 'https://harbour.example/ethics', ownership: '/about/ownership', diversity: '/about/diversity', masthead: '/about/masthead' },
    }
    expect(organizationJsonLd(site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsMediaOrganization',
      '@id': `${ORIGIN}/#organization`,
      name: 'The Harbour Times',
      url: `${ORIGIN}/`,
      description: 'Local news.',
      logo: { '@type': 'ImageObject', url: `${ORIGIN}/logo.png` },
      publishingPrinciples: 'https://harbour.example/ethics',
      correctionsPolicy: `${ORIGIN}/about/corrections`,
      ethicsPolicy: 'https://harbour.example/ethics',
      ownershipFundingInfo: `${ORIGIN}/about/ownership`,
      diversityPolicy: `${ORIGIN}/about/diversity`,
      masthead: `${ORIGIN}/about/masthead`,
      contactPoint: { '@type': 'ContactPoint', contactType: 'newsroom', email: 'news@harbour.example' },
    })
  })

  it('carries only name, url and description before the settings are filled in', () => {
    expect(organizationJsonLd(SITE)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsMediaOrganization',
      '@id': `${ORIGIN}/#organization`,
      name: 'Masthead',
      url: `${ORIGIN}/`,
      description: 'News from the Masthead newsroom.',
    })
  })
})

describe('personJsonLd', () => {
  it('adds profiles elsewhere as sameAs and expertise as knowsAbout', () => {
    const person = personJsonLd(
      author({ links: [{ label: 'X', url: 'https://x.example/ahmed' }, { label: 'Bad', url: 'javascript:alert(1)' }], expertise: ['Syria', ' Energy markets '] }),
      ORIGIN,
    )
    expect(person).toEqual({
      '@type': 'Person',
      name: 'Ahmed Mohammed',
      url: `${ORIGIN}/authors/ahmed-mohammed`,
      jobTitle: 'Correspondent',
      sameAs: ['https://x.example/ahmed'],
      knowsAbout: ['Syria', 'Energy markets'],
    })
  })

  it('is the main entity of the author’s profile page', () => {
    const head = authorHead(author({ expertise: ['Syria'] }), SITE, 1)
    expect(head.jsonLd.at(-1)).toMatchObject({ '@type': 'ProfilePage', mainEntity: { '@type': 'Person', name: 'Ahmed Mohammed', knowsAbout: ['Syria'] } })
  })
})

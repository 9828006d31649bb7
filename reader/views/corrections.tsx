/** @jsxImportSource preact */
import { ADMITTED_ERRORS, sortedCorrections } from '@/lib/content/corrections'
import { listingPath, pagedTitle } from '@/lib/content/pagination'
import { getSite, listCorrected } from '@/lib/content/queries'
import { articlePath } from '@/lib/content/site'
import { simpleHead } from '@/lib/seo/page-head'
import { dateLocale, SITE_LANGUAGE, textDirection } from '@/lib/text/language'
import { Entry } from '@/reader/components/Corrections'
import { Pagination } from '@/reader/components/Pagination'
import type { PageResult } from '@/reader/page'

const TITLE = 'Corrections'
const PATH = '/corrections'

/** Every published correction and clarification, the most recently corrected articles first, paginated. */
export async function correctionsPage(page: number): Promise<PageResult> {
  const [corrected, site] = await Promise.all([listCorrected(page), getSite()])
  if (page > 1 && corrected.docs.length === 0) return null
  const policy = site.policies.corrections
  return {
    head: simpleHead(site, {
      title: pagedTitle(TITLE, page),
      path: listingPath(PATH, page),
      description: `Every correction and clarification ${site.name} has published, newest first.`,
    }),
    body: (
      <>
        <h1>{pagedTitle(TITLE, corrected.page)}</h1>
        <p>
          When we get something wrong, we correct it and say so here, newest first.
          {policy && (
            <>
              {' '}
              <a href={policy}>Our corrections policy</a>.
            </>
          )}{' '}
          <a href="/corrections/feed.xml">Follow corrections by RSS</a>.
        </p>
        {corrected.docs.length === 0 && <p>No corrections have been published.</p>}
        <ol className="corrections-log">
          {corrected.docs.map((article) => {
            const language = article.language ?? SITE_LANGUAGE
            const locale = dateLocale(language)
            const entries = sortedCorrections(article.corrections).filter((entry) => ADMITTED_ERRORS.includes(entry.type))
            return (
              <li key={article.id} lang={language} dir={textDirection(language)}>
                <h2>
                  <a href={`${articlePath(article.slug ?? '')}#corrections`}>{article.title}</a>
                </h2>
                <ul>
                  {entries.map((entry) => (
                    <Entry key={`${entry.date}-${entry.type}`} entry={entry} locale={locale} />
                  ))}
                </ul>
              </li>
            )
          })}
        </ol>
        <Pagination page={corrected.page} totalPages={corrected.totalPages} hrefFor={(n) => listingPath(PATH, n)} label={TITLE} />
      </>
    ),
  }
}

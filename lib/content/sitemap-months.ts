import { and, asc, eq, gte, lt, sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'
import { nativeArticles, type SqliteTable } from '@/lib/platform/native-articles'
import { monthSpan, type PublishedMonth } from '@/lib/seo/sitemap-parts'
import type { SitemapArticle } from './sitemap-queries'

/*
 * The sitemaps' reads of published articles by the month they were published, straight through the
 * database adapter, because at 100,000 articles Payload's way costs more than a page may: an articles
 * part spent 650 ms on Payload's per-document work around a 30 ms query, and the index, which dates
 * every month by its latest update, would read every published article to do it. Bypassing Payload's
 * access control, each writes out the readers' rule itself: published articles only (as
 * lib/content/published.ts's PUBLISHED), and only the fields a sitemap shows.
 *
 * A month is UTC's, as the article keeps it (`publishedMonth`, from its publication date). The index
 * reads each month's latest update as the first entry of that month's run in an index on (status,
 * month, update time): one probe a month, not a pass over the archive.
 */

const published = (table: SqliteTable) => eq(table._status, 'published')

const iso = (value: unknown): string | null => (value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : null)

/** Each month in which a now-published article was published, oldest first, with the latest update among its articles. */
export async function publishedMonths(payload: Payload): Promise<PublishedMonth[]> {
  const db = nativeArticles(payload)
  if (db.kind === 'mongodb') {
    // Sorted as the sitemap_months index is, a $group keeping each month's $first is answered by
    // jumping from month to month in the index (a DISTINCT_SCAN), not by reading every article.
    const rows = await db.model.aggregate([
      { $match: { _status: 'published', publishedMonth: { $type: 'string' } } },
      { $sort: { publishedMonth: 1, updatedAt: -1 } },
      { $group: { _id: '$publishedMonth', lastmod: { $first: '$updatedAt' } } },
      { $sort: { _id: 1 } },
    ])
    return rows.map((row) => ({ month: String(row._id), lastmod: iso(row.lastmod) }))
  }
  const t = db.table
  // Month after month, each found by one probe of the index from the previous one (SQLite's min() and
  // max() read the first or last entry of an index range).
  const rows: unknown[][] = await db.adapter.drizzle.values(sql`
    WITH RECURSIVE months(month) AS (
      SELECT (SELECT min(${t.publishedMonth}) FROM ${t} WHERE ${published(t)})
      UNION ALL
      SELECT (SELECT min(${t.publishedMonth}) FROM ${t} WHERE ${published(t)} AND ${t.publishedMonth} > months.month) FROM months WHERE months.month IS NOT NULL
    )
    SELECT month, (SELECT max(${t.updatedAt}) FROM ${t} WHERE ${published(t)} AND ${t.publishedMonth} = months.month)
    FROM months WHERE month IS NOT NULL`)
  // libsql's rows are array-like (indexed), not iterable.
  return rows.map((row) => ({ month: String(row[0]), lastmod: iso(row[1]) }))
}

/** Up to `limit` articles published in `month` ('YYYY-MM') and published now, in publication order, with what a sitemap lists of each. */
export async function articlesOfMonth(payload: Payload, month: string, limit: number): Promise<SitemapArticle[]> {
  // By publication date, in the index home is read by: the month's articles, in order.
  const { from, to } = monthSpan(month)
  const db = nativeArticles(payload)
  if (db.kind === 'mongodb') {
    const docs = await db.model
      .find({ _status: 'published', publishedAt: { $gte: from, $lt: to } }, { slug: 1, publishedAt: 1, updatedAt: 1 })
      .sort({ publishedAt: 1, _id: 1 })
      .limit(limit)
      .lean()
    return docs.map((doc) => ({ slug: String(doc.slug), publishedAt: iso(doc.publishedAt), updatedAt: iso(doc.updatedAt)! }))
  }
  // One row holding the part, not thousands: libsql's client builds each row as an object, a property
  // defined at a time, which with drizzle's mapping took 35 ms for 5,000 at 100,000 articles, and the garbage
  // more in the server; SQLite joins the fields itself in 10. Neither separator (ASCII's unit and
  // record separators) can be in a slug (lib/text/slug.ts) or an ISO date.
  const t = db.table
  const part = db.adapter.drizzle
    .select({ id: t.id, slug: t.slug, publishedAt: t.publishedAt, updatedAt: t.updatedAt })
    .from(t)
    .where(and(published(t), gte(t.publishedAt, from.toISOString()), lt(t.publishedAt, to.toISOString())))
    .orderBy(asc(t.publishedAt), asc(t.id))
    .limit(limit)
    .as('part')
  const [row] = await db.adapter.drizzle
    .select({
      lines: sql<string | null>`group_concat(${part.slug} || char(31) || ${part.publishedAt} || char(31) || ${part.updatedAt}, char(30) ORDER BY ${part.publishedAt}, ${part.id})`,
    })
    .from(part)
  if (!row?.lines) return []
  return row.lines.split(RECORD).map((line) => {
    const [slug = '', publishedAt = '', updatedAt = ''] = line.split(UNIT)
    return { slug, publishedAt, updatedAt }
  })
}

const UNIT = '\u001f'
const RECORD = '\u001e'

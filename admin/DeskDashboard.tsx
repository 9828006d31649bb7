import type { ServerProps } from 'payload'
import type { CSSProperties, ReactNode } from 'react'
import { isStaffUser } from '@/access/roles'
import { type DeskArticle, deskOverview, type ScheduledPublish } from '@/lib/content/desk'
import type { User } from '@/payload-types'

/**
 * The editors' desk, above the admin's collection cards: a column per stage (count and the oldest
 * stories), the signed-in person's assignments and the notes mentioning them, what is overdue, scheduled and failed publications,
 * what is held, what was just published, and photos that would block publishing. Rendered on the
 * server, from lib/content/desk.ts; every item links to where it is fixed.
 */
export async function DeskDashboard({ payload, user }: ServerProps) {
  if (!user || !isStaffUser(user as User)) return null
  const now = new Date()
  const desk = await deskOverview(payload, user as User, now)
  const admin = payload.config.routes.admin
  const articleUrl = (id: number | string) => `${admin}/collections/articles/${id}`
  const listUrl = (where: string) => `${admin}/collections/articles?${where}`

  const articleItems = (items: DeskArticle[], empty: string, detail?: (item: DeskArticle) => string | null) =>
    items.length === 0 ? (
      <p style={muted}>{empty}</p>
    ) : (
      <ul style={list}>
        {items.map((item) => (
          <li key={item.id} style={entry}>
            <a href={articleUrl(item.id)}>{item.title || `Untitled (${item.id})`}</a>
            {detail?.(item) ? <div style={muted}>{detail(item)}</div> : null}
          </li>
        ))}
      </ul>
    )
  const schedules = (items: ScheduledPublish[], empty: string) =>
    items.length === 0 ? (
      <p style={muted}>{empty}</p>
    ) : (
      <ul style={list}>
        {items.map((job) => (
          <li key={job.jobId} style={entry}>
            <a href={articleUrl(job.articleId)}>{job.title || `Untitled (${job.articleId})`}</a>
            <div style={muted}>
              {job.type === 'publish' ? 'Publish' : 'Unpublish'} at <time dateTime={job.at}>{when(job.at)}</time>
            </div>
            {job.error ? <div role="alert" style={failure}>{job.error}</div> : null}
          </li>
        ))}
      </ul>
    )
  const due = (item: DeskArticle) =>
    [item.assignee ? `Assigned to ${item.assignee}` : null, item.dueAt ? `due ${when(item.dueAt)}` : null].filter(Boolean).join(', ') || null

  return (
    <section aria-label="Desk" className="desk-dashboard" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2>Desk</h2>
      <div style={grid}>
        {desk.stages.map((column) => (
          <Panel key={column.stage} title={`${column.label} (${column.count})`} href={listUrl(`where[stage][equals]=${column.stage}`)}>
            {articleItems(column.oldest, 'Nothing here.', (item) => `Since ${when(item.updatedAt)}${due(item) ? ` · ${due(item)}` : ''}`)}
          </Panel>
        ))}
      </div>
      <div style={grid}>
        <Panel title={`My assignments (${desk.mine.count})`} href={listUrl(`where[assignee][equals]=${user.id}`)}>
          {articleItems(desk.mine.items, 'Nothing assigned to you.', due)}
        </Panel>
        <Panel title="Mentions of me">
          {desk.mentions.length === 0 ? (
            <p style={muted}>No notes mention you.</p>
          ) : (
            <ul style={list}>
              {desk.mentions.map((mention) => (
                <li key={mention.noteId} style={entry}>
                  <a href={articleUrl(mention.articleId)}>{mention.body.length > 80 ? `${mention.body.slice(0, 80)}…` : mention.body}</a>
                  <div style={muted}>{when(mention.createdAt)}</div>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title={`Overdue (${desk.overdue.count})`} href={listUrl(`where[dueAt][less_than]=${encodeURIComponent(now.toISOString())}`)}>
          {articleItems(desk.overdue.items, 'Nothing overdue.', due)}
        </Panel>
        <Panel title={`On hold (${desk.held.count})`}>{articleItems(desk.held.items, 'Nothing on hold.', (item) => item.note ?? null)}</Panel>
        <Panel title="Scheduled">
          {schedules(desk.scheduled, 'Nothing scheduled.')}
          {desk.failedSchedules.length > 0 ? (
            <>
              <h4>Failed</h4>
              {schedules(desk.failedSchedules, '')}
            </>
          ) : null}
        </Panel>
        <Panel title="Recently published">
          {articleItems(desk.recentlyPublished, 'Nothing published yet.', (item) => (item.note ? `Published ${when(item.note)}` : null))}
        </Panel>
        <Panel title="Photos to fix">
          {desk.photos.length === 0 ? (
            <p style={muted}>Every photo has alt text and a credit.</p>
          ) : (
            <ul style={list}>
              {desk.photos.map((photo) => (
                <li key={photo.id} style={entry}>
                  <a href={`${admin}/collections/media/${photo.id}`}>{photo.filename}</a>
                  <div style={muted}>Lacks {photo.missing.map((field) => (field === 'alt' ? 'alt text' : 'a credit')).join(' and ')}</div>
                </li>
              ))}
            </ul>
          )}
        </Panel>
      </div>
    </section>
  )
}

function Panel({ title, href, children }: { title: string; href?: string; children: ReactNode }) {
  return (
    <div className="desk-panel" style={panel}>
      <h3 style={{ margin: '0 0 calc(var(--base) / 2)' }}>{href ? <a href={href}>{title}</a> : title}</h3>
      {children}
    </div>
  )
}

/** A date as the newsroom reads it (UTC: the server renders, and knows no one's time zone). */
function when(iso: string): string {
  const date = new Date(iso)
  return Number.isFinite(date.getTime()) ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : iso
}

const grid: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
  gap: 'var(--base)',
  marginBottom: 'var(--base)',
}
const panel: CSSProperties = { border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 'var(--base)' }
const list: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 }
const entry: CSSProperties = { marginBottom: 'calc(var(--base) / 2)' }
const muted: CSSProperties = { color: 'var(--theme-elevation-500)', fontSize: '0.85em', margin: 0 }
const failure: CSSProperties = { color: 'var(--theme-error-500)', fontSize: '0.85em' }

'use client'

import { useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

interface Note {
  id: number | string
  body: string
  createdAt: string
  author?: { name?: string } | number | string | null
}

/**
 * The article's internal notes, under the article in its edit view: the thread (oldest first) and a
 * box to add one. Notes live in their own staff-only collection (collections/Notes), so they are read
 * and written through its API here, never as part of the article (a join field would be simpler,
 * but MongoDB's test stand-in cannot run Payload's join pipeline).
 */
export function NotesThread() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const api = `${config.serverURL}${config.routes.api}/notes`
  const [notes, setNotes] = useState<Note[]>([])
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    const query = new URLSearchParams({ 'where[article][equals]': String(id), sort: 'createdAt', limit: '100', depth: '1' })
    const response = await fetch(`${api}?${query}`, { credentials: 'include' })
    if (response.ok) setNotes(((await response.json()) as { docs: Note[] }).docs)
  }, [api, id])

  useEffect(() => {
    void load()
  }, [load])

  const add = async () => {
    if (!text.trim() || id === undefined || id === null) return
    setSaving(true)
    setError(null)
    const response = await fetch(api, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ article: id, body: text }),
    })
    setSaving(false)
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null
      setError(body?.errors?.map((e) => e.message).join(' ') ?? `The note was not saved (${response.status}).`)
      return
    }
    setText('')
    await load()
  }

  if (id === undefined || id === null) return <p className="notes-thread">Save the article once to add internal notes.</p>

  return (
    <section className="notes-thread" aria-label="Internal notes" style={{ marginBottom: 'var(--base, 20px)' }}>
      <h3>Internal notes</h3>
      <p style={{ color: 'var(--theme-elevation-500)', fontSize: '0.85em' }}>
        Staff only, never published. Mention a colleague with @ and the part of their email before the @.
      </p>
      <ol style={{ listStyle: 'none', padding: 0 }}>
        {notes.map((note) => (
          <li key={note.id} className="notes-thread__note" style={{ borderLeft: '3px solid var(--theme-elevation-150)', padding: '4px 10px', marginBottom: 8 }}>
            <div style={{ fontSize: '0.85em', color: 'var(--theme-elevation-500)' }}>
              {typeof note.author === 'object' && note.author?.name ? note.author.name : 'Someone'} ·{' '}
              <time dateTime={note.createdAt}>{new Date(note.createdAt).toLocaleString()}</time>
            </div>
            <div style={{ whiteSpace: 'pre-wrap' }}>{note.body}</div>
          </li>
        ))}
      </ol>
      {/* Not a <form>: the article's edit view is one already, and forms do not nest. */}
      <div>
        <label htmlFor="new-note" style={{ display: 'block' }}>
          New note
        </label>
        <textarea id="new-note" value={text} onChange={(event) => setText(event.target.value)} rows={3} style={{ width: '100%' }} />
        {error ? (
          <p role="alert" style={{ color: 'var(--theme-error-500)' }}>
            {error}
          </p>
        ) : null}
        <button type="button" className="btn btn--style-secondary btn--size-small" onClick={() => void add()} disabled={saving || !text.trim()}>
          Add note
        </button>
      </div>
    </section>
  )
}

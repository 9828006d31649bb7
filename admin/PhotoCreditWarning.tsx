'use client'

import { useConfig, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { idOf } from '@/lib/content/populated'
import {
  type CheckedPhoto,
  missingPhotoFields,
  type PhotoPlace,
  publishWarning,
  uploadIdsInLexical,
} from '@/lib/photos/checks'

/**
 * The article sidebar's warning: the photos this article shows (lead image, uploads in the body)
 * that publishing would refuse because they lack alt text or a credit. Looks the photos up again
 * when they change and when the editor comes back to the window (e.g. after fixing a credit in
 * another tab). Shows nothing when all is well.
 */
export function PhotoCreditWarning() {
  const leadValue = useFormFields(([fields]) => fields.leadImage?.value)
  const bodyValue = useFormFields(([fields]) => fields.body?.value)
  const { config } = useConfig()
  const lead = idOf(leadValue)
  const bodyIds = uploadIdsInLexical(bodyValue)
  const wanted: { id: string; place: PhotoPlace }[] = [
    ...(lead !== null ? [{ id: String(lead), place: 'lead' as const }] : []),
    ...bodyIds.map((id) => ({ id: String(id), place: 'body' as const })),
  ]
  const key = wanted.map((photo) => photo.id).join(',')

  const [photos, setPhotos] = useState<Map<string, CheckedPhoto>>(new Map())
  const [round, setRound] = useState(0)

  useEffect(() => {
    const again = () => setRound((n) => n + 1)
    window.addEventListener('focus', again)
    return () => window.removeEventListener('focus', again)
  }, [])

  useEffect(() => {
    const ids = [...new Set(key.split(',').filter(Boolean))]
    if (ids.length === 0) {
      setPhotos(new Map())
      return
    }
    const controller = new AbortController()
    const query = new URLSearchParams({ depth: '0', limit: String(ids.length), 'select[alt]': 'true', 'select[filename]': 'true', 'select[credit]': 'true' })
    ids.forEach((id, index) => query.append(`where[id][in][${index}]`, id))
    fetch(`${config.serverURL}${config.routes.api}/media?${query}`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((json: { docs?: CheckedPhoto[] } | null) => {
        if (json?.docs) setPhotos(new Map(json.docs.map((doc) => [String(doc.id), doc])))
      })
      .catch(() => {
        // A failed look-up shows no warning; the server still checks on publish.
      })
    return () => controller.abort()
  }, [key, round, config.serverURL, config.routes.api])

  const problems = wanted.flatMap(({ id, place }) => {
    const photo = photos.get(id)
    if (!photo) return []
    const missing = missingPhotoFields(photo)
    return missing.length > 0 ? [{ id, place, photo, message: publishWarning(missing) }] : []
  })
  if (problems.length === 0) return null

  return (
    <div
      role="status"
      className="photo-credit-warning"
      style={{
        marginBottom: 'var(--base, 20px)',
        padding: '10px 12px',
        borderLeft: '4px solid var(--theme-warning-500, #d97706)',
        background: 'var(--theme-warning-100, #fef3c7)',
        color: 'var(--theme-text, inherit)',
        fontSize: '13px',
        lineHeight: 1.4,
      }}
    >
      <strong style={{ display: 'block', marginBottom: 4 }}>Photos that will block publishing</strong>
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {problems.map(({ id, place, photo, message }) => (
          <li key={`${place}-${id}`}>
            {place === 'lead' ? 'Lead image' : 'Photo in the body'}
            {photo.filename ? ` “${photo.filename}”` : ''} (media {id}): {message}{' '}
            <a href={`${config.routes.admin}/collections/media/${id}`} target="_blank" rel="noreferrer">
              Fix it
            </a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/**
 * Makes every database operation fail as a driver does when its server is down or its file cannot be
 * read (the same error shape, wrapped the same way), until the returned function brings it back.
 */
export function cutDatabase(db: object): () => void {
  const saved = new Map<string, unknown>()
  for (const key of ['find', 'findOne', 'count', 'create', 'updateOne', 'deleteOne', 'queryDrafts', 'findVersions']) {
    const original = (db as Record<string, unknown>)[key]
    if (typeof original !== 'function') continue
    saved.set(key, original)
    ;(db as Record<string, unknown>)[key] = async () => {
      const cause = Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' })
      throw new Error('Failed query: select …', { cause })
    }
  }
  return () => {
    for (const [key, original] of saved) (db as Record<string, unknown>)[key] = original
  }
}

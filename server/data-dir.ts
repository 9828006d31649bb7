import path from 'node:path'

/**
 * The data folder: the SQLite database, uploaded media and the development secret, which is what
 * `npm run backup` saves and `npm run restore` puts back. `DATA_DIR`, by default `data/` in the project.
 */
export function dataDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, env.DATA_DIR?.trim() || 'data')
}

/** Uploaded photos: `MEDIA_DIR`, by default `media/` in the data folder. */
export function mediaDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const given = env.MEDIA_DIR?.trim()
  return given ? path.resolve(root, given) : path.join(dataDir(root, env), 'media')
}

import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match'
import { describe, expect, it } from 'vitest'
import { READER_PATHS } from '@/server/security-headers'

// Next's own matcher for `headers()` sources, as next.config.mjs uses READER_PATHS.
const isReaderPath = getPathMatch(READER_PATHS, { strict: true, removeUnnamedParams: true })

describe('READER_PATHS', () => {
  it('covers reader pages and reader 404s that merely start like the admin or the API', () => {
    for (const path of ['/', '/articles/a-story', '/admin-x', '/administrator', '/administrator/login', '/apis', '/api-docs']) {
      expect(isReaderPath(path), path).not.toBe(false)
    }
  })

  it('leaves out the admin and the API, by whole first segment', () => {
    for (const path of ['/admin', '/admin/', '/admin/login', '/api', '/api/articles', '/api/media/file/a.webp', '/ADMIN/login']) {
      expect(isReaderPath(path), path).toBe(false)
    }
  })
})

/** A process's resident set in MiB, from /proc/<pid>/status: all of it, and its anonymous and file-backed parts. */
export interface ResidentSet {
  total: number
  /** Memory of its own: malloc's arenas, V8's heap, thread stacks. */
  anon: number
  /** Mapped files (the node binary, native addons) and shared memory: mostly shared with other processes. */
  file: number
}

/** The resident set named in the text of /proc/<pid>/status, or null when a figure is missing. */
export function parseResidentSet(status: string): ResidentSet | null {
  const kB = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)
    return match ? Number(match[1]) : null
  }
  const total = kB('VmRSS')
  const anon = kB('RssAnon')
  const file = kB('RssFile')
  const shmem = kB('RssShmem')
  if (total === null || anon === null || file === null) return null
  return { total: total / 1024, anon: anon / 1024, file: (file + (shmem ?? 0)) / 1024 }
}

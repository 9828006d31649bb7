import { describe, expect, it } from 'vitest'
import { parseResidentSet } from '@/bench/support/resident'

const status = ['Name:\tmasthead-server', 'VmPeak:\t 1200000 kB', 'VmRSS:\t  307200 kB', 'RssAnon:\t  235520 kB', 'RssFile:\t   70656 kB', 'RssShmem:\t    1024 kB', 'VmData:\t  500000 kB'].join('\n')

describe('parseResidentSet (bench:soak reads the server from /proc)', () => {
  it('gives the whole resident set and its anonymous and file-backed parts in MiB (shared memory with the files)', () => {
    expect(parseResidentSet(status)).toEqual({ total: 300, anon: 230, file: 70 })
  })

  it('reads VmRSS, not VmPeak or a field that merely ends alike', () => {
    expect(parseResidentSet(status.replace('VmRSS:\t  307200', 'VmRSS:\t  1024'))?.total).toBe(1)
  })

  it('says nothing rather than a wrong figure when a field is missing (a kernel without the split)', () => {
    expect(parseResidentSet(status.replace(/^RssAnon.*$/m, ''))).toBeNull()
    expect(parseResidentSet('')).toBeNull()
  })

  it('counts no shared memory where the kernel names none', () => {
    expect(parseResidentSet(status.replace(/^RssShmem.*$/m, ''))?.file).toBe(69)
  })
})

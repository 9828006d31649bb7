import { expect, it } from 'vitest'
import { collectTags, declareTags } from '@/lib/invalidation/tag-scope'

it('gathers the tags declared while the work runs, across awaits, and nothing from outside', async () => {
  declareTags(['outside'])
  const [first, second] = await Promise.all([
    collectTags(async () => {
      declareTags(['article:a', 'articles:latest'])
      await new Promise((resolve) => setTimeout(resolve, 5))
      declareTags(['author:1', 'articles:latest'])
      return 'A'
    }),
    collectTags(async () => {
      declareTags(['tag:labour'])
      return 'B'
    }),
  ])
  expect(first).toEqual({ value: 'A', tags: ['article:a', 'articles:latest', 'author:1'] })
  expect(second).toEqual({ value: 'B', tags: ['tag:labour'] })
})

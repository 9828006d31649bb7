import { expect, it } from 'vitest'
import { FIRST_STAGE, isStage, STAGES, stageLabel, stageMoveRefusal, unknownStage } from '@/lib/content/stages'

it('lists the stages in order, starting at Writing', () => {
  expect(STAGES.map((stage) => stage.label)).toEqual(['Writing', 'Ready for edit', 'Editing', 'Ready to publish'])
  expect(FIRST_STAGE).toBe('writing')
  expect(isStage('editing')).toBe(true)
  expect(isStage('spiked')).toBe(false)
  expect(isStage(null)).toBe(false)
  expect(stageLabel('ready-for-edit')).toBe('Ready for edit')
})

it('lets editors move anything anywhere, and anyone stay where they are', () => {
  for (const from of STAGES) {
    for (const to of STAGES) expect(stageMoveRefusal({ from: from.value, to: to.value, role: 'editor' })).toBeNull()
    expect(stageMoveRefusal({ from: from.value, to: from.value, role: 'writer' })).toBeNull()
  }
})

it('lets writers hand a draft to the desk and take it back, and nothing else, saying why', () => {
  expect(stageMoveRefusal({ from: 'writing', to: 'ready-for-edit', role: 'writer' })).toBeNull()
  expect(stageMoveRefusal({ from: 'ready-for-edit', to: 'writing', role: 'writer' })).toBeNull()
  expect(stageMoveRefusal({ from: 'writing', to: 'editing', role: 'writer' })).toBe(
    'Writers may move their own drafts Writing → Ready for edit or Ready for edit → Writing only; moving from Writing to Editing is for an editor.',
  )
  expect(stageMoveRefusal({ from: 'editing', to: 'writing', role: 'writer' })).toMatch(/moving from Editing to Writing is for an editor/)
  expect(stageMoveRefusal({ from: 'ready-to-publish', to: 'ready-for-edit', role: 'writer' })).not.toBeNull()
})

it('names the stages there are when refusing one that is not', () => {
  expect(unknownStage('spiked')).toBe('stage must be one of "writing", "ready-for-edit", "editing", "ready-to-publish"; "spiked" is not.')
})

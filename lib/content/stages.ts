/**
 * The desk's workflow stages, in order: the one list to change for a newsroom that works otherwise
 * (the Articles field, the move rules, the dashboard's columns and the admin all read it). A stage is
 * where a story is in the newsroom, never whether readers see it: that is `_status` alone.
 */
export const STAGES = [
  { value: 'writing', label: 'Writing' },
  { value: 'ready-for-edit', label: 'Ready for edit' },
  { value: 'editing', label: 'Editing' },
  { value: 'ready-to-publish', label: 'Ready to publish' },
] as const

export type Stage = (typeof STAGES)[number]['value']

/** Where every new article starts. */
export const FIRST_STAGE: Stage = STAGES[0].value

/** The moves a writer may make on their own drafts: hand the story to the desk, or take it back. */
const WRITER_MOVES: readonly (readonly [Stage, Stage])[] = [
  ['writing', 'ready-for-edit'],
  ['ready-for-edit', 'writing'],
]

export function isStage(value: unknown): value is Stage {
  return STAGES.some((stage) => stage.value === value)
}

export function stageLabel(value: unknown): string {
  return STAGES.find((stage) => stage.value === value)?.label ?? String(value)
}

export type StageMove = { from: Stage; to: Stage; role: 'editor' | 'writer' }

/**
 * Why a move is refused, as the sentence the person sees, or null when it is allowed. Editors (and
 * admins) move anything anywhere; writers only along WRITER_MOVES (which drafts are their own is
 * the collection's update access).
 */
export function stageMoveRefusal({ from, to, role }: StageMove): string | null {
  if (from === to || role === 'editor') return null
  if (WRITER_MOVES.some(([a, b]) => a === from && b === to)) return null
  const allowed = WRITER_MOVES.map(([a, b]) => `${stageLabel(a)} → ${stageLabel(b)}`).join(' or ')
  return `Writers may move their own drafts ${allowed} only; moving from ${stageLabel(from)} to ${stageLabel(to)} is for an editor.`
}

/** The refusal for a value that is not a stage, naming the ones there are. */
export function unknownStage(value: unknown): string {
  return `stage must be one of ${STAGES.map((stage) => `"${stage.value}"`).join(', ')}; ${JSON.stringify(value)} is not.`
}

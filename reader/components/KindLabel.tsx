/** @jsxImportSource preact */
import { kindLabel } from '@/lib/content/labels'

/** "Analysis", "Opinion", "Sponsored"… above a headline; nothing for plain news. */
export function KindLabel({ kind }: { kind: string | null | undefined }) {
  const label = kindLabel(kind)
  return label ? <p className="label">{label}</p> : null
}

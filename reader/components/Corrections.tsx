/** @jsxImportSource preact */
import { correctionNotice, correctionTypeLabel, linkedText, sortedCorrections, type CorrectionEntry } from '@/lib/content/corrections'
import { formatDisplayDate } from '@/lib/text/format'

type Entries = readonly Partial<CorrectionEntry>[] | null | undefined

/** An entry's text, its web addresses as links (lib/content/corrections.ts linkedText). */
export function EntryText({ text }: { text: string }) {
  return (
    <>
      {linkedText(text).map((piece, index) => (typeof piece === 'string' ? piece : <a key={index} href={piece.href}>{piece.text}</a>))}
    </>
  )
}

/** One entry: its kind, its date and its text. */
export function Entry({ entry, locale }: { entry: CorrectionEntry; locale: string }) {
  return (
    <li>
      <span className="entry-type">{correctionTypeLabel(entry.type)}</span>,{' '}
      <time dateTime={entry.date}>{formatDisplayDate(entry.date, locale)}</time>: <EntryText text={entry.text.trim()} />
    </li>
  )
}

/** "This article was corrected on 2 July 2025." at the top, linking to the log; nothing when never corrected. */
export function CorrectionNotice({ entries, locale }: { entries: Entries; locale: string }) {
  const notice = correctionNotice(entries, (iso) => formatDisplayDate(iso, locale))
  if (!notice) return null
  return (
    <p className="correction-notice">
      {notice} <a href="#corrections">See the correction</a>
    </p>
  )
}

/** The corrections and updates at the foot of the article, newest first, each with its date. */
export function CorrectionsBox({ entries, locale }: { entries: Entries; locale: string }) {
  const shown = sortedCorrections(entries)
  if (shown.length === 0) return null
  return (
    <section className="corrections" id="corrections" aria-labelledby="corrections-heading">
      <h2 id="corrections-heading">Corrections and updates</h2>
      <ol>
        {shown.map((entry) => (
          <Entry key={`${entry.date}-${entry.type}`} entry={entry} locale={locale} />
        ))}
      </ol>
    </section>
  )
}

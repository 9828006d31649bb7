/**
 * What keeps an article from being published: a legal hold (with its reason), "not for publication",
 * and an embargo time not yet reached. Pure: the publish guardrail (every door that publishes) and
 * the schedule-publish action ask the same questions and show the same sentences.
 */
export interface HoldState {
  legalHold?: boolean | null
  legalHoldReason?: string | null
  notForPublication?: boolean | null
  embargoUntil?: string | Date | null
}

export interface HoldProblem {
  path: 'legalHold' | 'notForPublication' | 'embargoUntil'
  message: string
}

/** The embargo time, or null when there is none (or it is not a date). */
export function embargoTime(article: HoldState): Date | null {
  if (!article.embargoUntil) return null
  const time = new Date(article.embargoUntil)
  return Number.isFinite(time.getTime()) ? time : null
}

/** The flags that refuse publishing whenever it is asked for. */
function flagProblems(article: HoldState): HoldProblem[] {
  const problems: HoldProblem[] = []
  if (article.legalHold) {
    const reason = article.legalHoldReason?.trim()
    problems.push({
      path: 'legalHold',
      message: `Cannot publish: this article is on legal hold${reason ? ` (${reason})` : ''}; an editor must clear the hold first.`,
    })
  }
  if (article.notForPublication) {
    problems.push({ path: 'notForPublication', message: 'Cannot publish: this article is marked not for publication.' })
  }
  return problems
}

/** Why publishing the article at `at` is refused; empty when nothing holds it. */
export function publishHolds(article: HoldState, at: Date): HoldProblem[] {
  const problems = flagProblems(article)
  const embargo = embargoTime(article)
  if (embargo && embargo.getTime() > at.getTime()) {
    problems.push({
      path: 'embargoUntil',
      message: `Cannot publish: this article is embargoed until ${embargo.toISOString()}; it cannot be published before then.`,
    })
  }
  return problems
}

/** Why a publish scheduled for `at` is refused now, when it is scheduled (the job would fail then). */
export function scheduleRefusal(article: HoldState, at: Date): string | null {
  const embargo = embargoTime(article)
  if (embargo && embargo.getTime() > at.getTime()) {
    return `Cannot schedule publishing at ${at.toISOString()}: this article is embargoed until ${embargo.toISOString()}. Schedule it for then or later.`
  }
  const [flag] = flagProblems(article)
  return flag ? flag.message.replace('Cannot publish:', 'Cannot schedule publishing:') : null
}

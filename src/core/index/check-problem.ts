// `folio check`'s problems, in their own module: the summary cache stores them, and modules that load the cache
// (the search's stamp check, the host) must not load the front-matter parsers with it.

/** One problem `folio check` reports: a front-matter diagnostic, or the file itself (unreadable, binary…) at 1:1. */
export interface CheckProblem {
  line: number
  column: number
  severity: 'error' | 'warning'
  message: string
}

/** What `folio check` reports of an article without problems; shared, never changed. */
export const noProblems: readonly CheckProblem[] = Object.freeze([])

import type { ArticleSummary } from './api'
import { readDateString } from './hugo/dates'
// NOTE: the rulebook's dates module, not the @shared/hugo barrel: the barrel brings site-config and with it the YAML
// and TOML parsers, which the first renderer chunk must not hold (the build's first-chunk guard refuses them).

/**
 * What one article-list row says about its article, for the React list (ArticleListItem) and for the first screen
 * `folio serve` writes into the page before any script runs (first-screen.ts): one home, so the two never differ.
 */

/** A badge of a row: its class (after `item-badge`), its text and its tooltip. */
export interface RowBadge {
  kind: 'draft' | 'scheduled' | 'expired' | 'error'
  text: string
  title?: string
}

/** The name a row shows and is announced by: the title, or the path when there is none. */
export function rowName(article: ArticleSummary): string {
  return article.title ?? article.path
}

/** The badges that follow from the article's own summary (draft, build status, errors), in the order shown. */
export function summaryBadges(article: ArticleSummary): RowBadge[] {
  const badges: RowBadge[] = []
  if (article.isDraft) badges.push({ kind: 'draft', text: 'Draft' })
  if (article.buildStatus === 'future') badges.push({ kind: 'scheduled', text: 'Scheduled', title: 'Hugo does not build it until its date' })
  if (article.buildStatus === 'expired') badges.push({ kind: 'expired', text: 'Expired', title: 'Its expiryDate has passed: Hugo no longer builds it' })
  const { error } = article
  if (error) {
    const title = error.isFileError && !error.isReadOnly ? error.message : `${error.message} (${error.line}:${error.column})`
    badges.push({ kind: 'error', text: error.isReadOnly ? 'Not UTF-8 text' : error.isFileError ? 'Cannot open' : 'Front matter error', title })
  }
  return badges
}

/**
 * The formatter of list dates for `locale` (undefined: the runtime's own). NOTE: in UTC over the calendar day Hugo
 * reads, so a date is never shifted a day by the viewer's time zone: `2022-01-25T23:00:00-05:00` stays the 25th.
 */
export function listDateFormatter(locale?: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
}

/** A front-matter date as a writer reads it (the day, in the formatter's locale); the text as written when Hugo would not read it. */
export function formatListDate(written: string, formatter: Intl.DateTimeFormat): string {
  // NOTE: the day as written; the time zone only moves the instant, not the calendar day shown.
  const date = readDateString(written, null)
  if (date.kind !== 'date') return written
  return formatter.format(new Date(Date.UTC(date.year, date.month - 1, date.day)))
}

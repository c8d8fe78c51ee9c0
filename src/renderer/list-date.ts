import { readDateString } from '@shared/hugo/dates'
// NOTE: the rulebook's dates module, not the @shared/hugo barrel: the barrel brings site-config and with it the YAML
// and TOML parsers, which the first renderer chunk must not hold (the build's first-chunk guard refuses them).

// NOTE: the writer's locale (undefined), in UTC over the calendar day Hugo reads, so a date is never shifted a day
// by the viewer's time zone: `2022-01-25T23:00:00-05:00` stays the 25th, as the writer wrote it.
const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' })

/** A front-matter date as a writer reads it (the day, in the user's locale); the text as written when Hugo would not read it. */
export function listDateText(written: string): string {
  // NOTE: the day as written; the time zone only moves the instant, not the calendar day shown.
  const date = readDateString(written, null)
  if (date.kind !== 'date') return written
  return formatter.format(new Date(Date.UTC(date.year, date.month - 1, date.day)))
}

import { formatListDate, listDateFormatter } from '@shared/list-row'

// NOTE: the writer's locale (undefined); the served first screen uses the locale the browser asked for, the same one.
const formatter = listDateFormatter()

/** A front-matter date as a writer reads it (the day, in the user's locale); the text as written when Hugo would not read it. */
export function listDateText(written: string): string {
  return formatListDate(written, formatter)
}

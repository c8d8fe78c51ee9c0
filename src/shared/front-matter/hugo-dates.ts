import type { FieldInfo } from './types'
import type { RawProblem } from './yaml-read'

const dateKeys = new Set(['date', 'lastmod', 'publishdate', 'expirydate', 'modified', 'pubdate', 'published', 'unpublishdate'])

const month = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)'
const readable = [
  /^\d{4}-\d{2}-\d{2}$/,
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}| [+-]\d{4})?$/,
  new RegExp(`^\\d{1,2} ${month} \\d{4}$`),
  new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} ${month} \\d{4} \\d{2}:\\d{2}:\\d{2} (?:[+-]\\d{4}|[A-Z]{3})$`),
]

/**
 * Warns about date fields Hugo silently reads as "no date" (`Feb 11, 2025`, `2025/02/11`, `2025-02-11 17:15`):
 * the page builds without a date and sorts last. Offsets are those of the fields.
 */
export function hugoDateWarnings(fields: FieldInfo[]): RawProblem[] {
  const out: RawProblem[] = []
  for (const f of fields) {
    if (!dateKeys.has(f.key.toLowerCase()) || typeof f.value !== 'string' || f.value === '') continue
    if (readable.some((re) => re.test(f.value as string))) continue
    out.push({ offset: f.valueFrom, message: `Hugo does not read "${f.value}" as a date and builds the page without one; write it like 2025-02-11 or 2025-02-11T17:15:27` })
  }
  return out
}

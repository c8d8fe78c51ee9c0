import type { FolderInfo, IndexSnapshot } from './api'
import type { Result } from './result'

/**
 * What the page needs for its first screen, answered before it has asked: the open folder and the first page of its
 * index, exactly as `getFolder()` and `getArticleIndex({ after: null, limit: earlyIndexRows })` answer them.
 * `folio serve` writes it into the page it serves to the token holder (see src/server/early-page.ts).
 */
export interface EarlyData {
  folder: Result<FolderInfo | null>
  /** Null when no folder is open. */
  index: Result<IndexSnapshot> | null
}

/** The id of the `<script type="application/json">` element that carries the EarlyData (data, never run). */
export const earlyDataElementId = 'folio-early'

/** How many rows the served page carries: more than a tall window shows, few enough to keep the page small. */
export const earlyIndexRows = 200

/**
 * The EarlyData as JSON text safe inside a `<script type="application/json">` element: every `<`, `>` and `&` is
 * written as a JSON escape, so no text in a title (`</script>`, `<!--`) can end the element or start markup.
 */
export function earlyDataJson(data: EarlyData): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The EarlyData read back from earlyDataJson's text; null when it is missing or not of that shape. */
export function parseEarlyData(text: string | null | undefined): EarlyData | null {
  if (text === null || text === undefined || text.trim() === '') return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // NOTE: unreadable early data is no failure: the page asks the host as it would without it.
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { folder, index } = value as Record<string, unknown>
  if (!isResult(folder) || !(index === null || isResult(index))) return null
  if (folder.ok && folder.value !== null && !isFolderInfo(folder.value)) return null
  if (index !== null && index.ok && !isSnapshot(index.value)) return null
  return value as EarlyData
}

function isResult(value: unknown): value is { ok: true; value: unknown } | { ok: false; error: unknown } {
  if (typeof value !== 'object' || value === null) return false
  const { ok } = value as { ok?: unknown }
  return ok === true ? 'value' in value : ok === false && typeof (value as { error?: unknown }).error === 'object'
}

function isFolderInfo(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { root?: unknown }).root === 'string'
}

function isSnapshot(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false
  const { articles, done, total, isComplete } = value as Record<string, unknown>
  return Array.isArray(articles) && typeof done === 'number' && typeof total === 'number' && typeof isComplete === 'boolean'
}

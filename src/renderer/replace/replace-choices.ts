import type { ReplaceChoice, ReplaceFilePreview, ReplacePreview } from '@shared/replace/replace-types'

/** What the writer left out of a previewed replace: whole files and single changes (`path` + change index). */
export interface ReplaceExclusions {
  files: ReadonlySet<string>
  changes: ReadonlySet<string>
}

/** No exclusions: every previewed change is chosen. */
export const noExclusions: ReplaceExclusions = { files: new Set(), changes: new Set() }

/** The key of one change in `ReplaceExclusions.changes`. */
export const changeKey = (path: string, index: number): string => `${path}\u0000${index}`

/** True when the file cannot be chosen: its changes would break its front matter, or it has unsaved edits open. */
export function isBlocked(file: ReplaceFilePreview, unsavedPaths: ReadonlySet<string>): boolean {
  return file.problem !== undefined || unsavedPaths.has(file.path)
}

/**
 * The files and changes to apply: every previewed file not blocked nor left out, with `all` its changes when none of
 * them was left out, else the listed indexes still chosen (a file with more changes than listed then applies only
 * those listed). Files with nothing chosen are dropped.
 */
export function replaceChoices(preview: ReplacePreview, exclusions: ReplaceExclusions, unsavedPaths: ReadonlySet<string>): ReplaceChoice[] {
  const choices: ReplaceChoice[] = []
  for (const file of preview.files) {
    if (isBlocked(file, unsavedPaths) || exclusions.files.has(file.path)) continue
    const chosen = file.changes.filter((c) => !exclusions.changes.has(changeKey(file.path, c.index))).map((c) => c.index)
    if (chosen.length === file.changes.length) choices.push({ path: file.path, version: file.version, changes: 'all' })
    else if (chosen.length > 0) choices.push({ path: file.path, version: file.version, changes: chosen })
  }
  return choices
}

/** How many changes `choices` apply, given the preview's per-file counts. */
export function chosenChangeCount(preview: ReplacePreview, choices: readonly ReplaceChoice[]): number {
  const counts = new Map(preview.files.map((f) => [f.path, f.changeCount]))
  return choices.reduce((sum, c) => sum + (c.changes === 'all' ? (counts.get(c.path) ?? 0) : c.changes.length), 0)
}

/** `set` with `key` added or removed. */
export function toggled(set: ReadonlySet<string>, key: string, isIn: boolean): Set<string> {
  const next = new Set(set)
  if (isIn) next.add(key)
  else next.delete(key)
  return next
}

import { applyChanges, setValue } from '@shared/front-matter'
import type { FrontMatterValue, TextChange } from '@shared/front-matter/types'
import type { Result } from '@shared/result'
import { needsTypedNumber, setTypedNumber, type TypedNumber } from '@shared/front-matter/number-edit'
import { minimalChange } from './minimal-change'

/** A run of form edits to one key: the text before the first of them and the text after the last. */
interface EditRun {
  path: string
  key: string
  originText: string
  lastText: string
}

/**
 * Turns successive form values for one key into editor changes computed from the text as it was before the run
 * started. Typing "Plain title x" letter by letter then gives the same bytes as setting it at once: a passing
 * state that needed quotes (a trailing space) does not leave the value quoted, and typing back the original
 * value restores the original bytes. Any other change to the text starts a new run.
 */
export class FormEditRuns {
  private run: EditRun | null = null

  /** The change that sets `key` to `value` in `current`, or null when the text already says so. */
  change(path: string, current: string, key: string, value: FrontMatterValue, typed?: TypedNumber): Result<TextChange | null> {
    const run = this.run
    const isContinuing = run !== null && run.path === path && run.key === key && run.lastText === current
    const originText = isContinuing ? run.originText : current
    const written = setFormValue(originText, key, value, typed)
    if (!written.ok) return written
    const next = written.value
    this.run = { path, key, originText, lastText: next }
    return { ok: true, value: minimalChange(current, next) }
  }
}

/**
 * The text after the form sets top-level `key` to `value`; with `typed`, the number the user typed (the value itself
 * or one nested in a group) is written exactly as typed.
 * NOTE: a number a double cannot hold (or one set over such a number) is written as typed, never rounded; for a nested
 * one the whole value is set first so other members changed in the same run keep their edits.
 */
export function setFormValue(text: string, key: string, value: FrontMatterValue, typed?: TypedNumber): Result<string> {
  if (typed === undefined) return textAfter(text, setValue(text, [key], value))
  const at = [key, ...typed.at]
  const number = Number(typed.text)
  if (typed.at.length === 0) {
    if (typeof value !== 'number' || !needsTypedNumber(text, at, typed.text, value)) return textAfter(text, setValue(text, at, value))
    return textAfter(text, setTypedNumber(text, at, typed.text, value))
  }
  const set = textAfter(text, setValue(text, [key], value))
  if (!set.ok || !Number.isFinite(number) || !needsTypedNumber(set.value, at, typed.text, number)) return set
  return textAfter(set.value, setTypedNumber(set.value, at, typed.text, number))
}

function textAfter(text: string, changes: Result<TextChange[]>): Result<string> {
  return changes.ok ? { ok: true, value: applyChanges(text, changes.value) } : { ok: false, error: changes.error }
}

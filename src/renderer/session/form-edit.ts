import { applyChanges, setValue } from '@shared/front-matter'
import type { FrontMatterValue, TextChange } from '@shared/front-matter/types'
import type { Result } from '@shared/result'
import { needsTypedNumber, setTypedNumber } from '@shared/front-matter/number-edit'
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
  change(path: string, current: string, key: string, value: FrontMatterValue, typed?: string): Result<TextChange | null> {
    const run = this.run
    const isContinuing = run !== null && run.path === path && run.key === key && run.lastText === current
    const originText = isContinuing ? run.originText : current
    // NOTE: a number a double cannot hold (or one set over such a number) is written as typed, never rounded.
    const isTypedNumber = typeof value === 'number' && typed !== undefined && needsTypedNumber(originText, [key], typed, value)
    const result = isTypedNumber ? setTypedNumber(originText, [key], typed, value) : setValue(originText, [key], value)
    if (!result.ok) return result
    const next = applyChanges(originText, result.value)
    this.run = { path, key, originText, lastText: next }
    return { ok: true, value: minimalChange(current, next) }
  }
}

import { isDateString, writeDateLike, parseFrontMatter, setValue, valueAt, type FrontMatterValue, type KeyPath } from '@shared/front-matter'
import { needsTypedNumber, setTypedNumber } from '@shared/front-matter/number-edit'
import { exitCode, type CliCommand } from '../command'
import { editFiles, type TextEdit } from '../edit-files'
import { isAssignment, parseAssignment } from '../key-path-arg'

const usage = 'set <file...> key.path=<value> [--dry-run]   set front-matter values (YAML syntax: title="New", tags=[a, b])'

/**
 * A date set over a date keeps the layout the file used (`"2025-02-11 17:15:27"` stays that shape) and widens it
 * for what was typed beyond it (the rulebook's writeDateLike, which the form's date field calls too).
 */
export function dateAware(path: KeyPath, value: FrontMatterValue, typed?: string): TextEdit {
  return (text) => {
    // NOTE: a number is written as typed when a double cannot hold it (12345678901234567890, .inf), or when the
    // number there now says more than a double: a no-op compares the texts, never the rounded values.
    if (typeof value === 'number' && typed !== undefined && needsTypedNumber(text, path, typed, value)) return setTypedNumber(text, path, typed, value)
    const current = valueAt(parseFrontMatter(text).data, path)
    const next = typeof current === 'string' && typeof value === 'string' && isDateString(current) && isDateString(value) ? writeDateLike(current, value) : value
    return setValue(text, path, next)
  }
}

/** `folio set`: edits values in place in one or more files; `--dry-run` prints the diff instead. */
export const setCommand: CliCommand = {
  name: 'set',
  usage,
  async run(args, io) {
    const files: string[] = []
    const edits: TextEdit[] = []
    let isDryRun = false
    for (const arg of args) {
      if (arg === '--dry-run') isDryRun = true
      else if (arg.startsWith('--')) return usageError(io.stderr, `unknown option ${arg}`)
      else if (isAssignment(arg)) {
        const parsed = parseAssignment(arg)
        if (!parsed.ok) return usageError(io.stderr, parsed.error.message)
        edits.push(dateAware(parsed.value.path, parsed.value.value, arg.slice(arg.indexOf('=') + 1).trim()))
      } else files.push(arg)
    }
    if (files.length === 0 || edits.length === 0) return usageError(io.stderr, files.length === 0 ? 'missing <file>' : 'missing key.path=<value>')
    return editFiles('set', files, edits, isDryRun, io)
  },
}

function usageError(stderr: (text: string) => void, message: string): number {
  stderr(`folio set: ${message}\nusage: folio ${usage}\n`)
  return exitCode.usage
}

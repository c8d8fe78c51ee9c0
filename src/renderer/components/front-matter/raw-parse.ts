import { parseFrontMatter } from '@shared/front-matter'
import type { FrontMatterFormat, FrontMatterValue } from '@shared/front-matter/types'
import { fail, ok, type Result } from '@shared/result'

/**
 * Reads the text of one value written in `format` (YAML, TOML or JSON; JSON for `none`), by parsing it as the only
 * value of a small block with the same engine the file uses. PARSE with the engine's message when it does not read.
 */
export function parseRawValue(text: string, format: FrontMatterFormat): Result<FrontMatterValue> {
  if (text.trim() === '') return fail('PARSE', 'the value is empty')
  const doc =
    format === 'yaml'
      ? `---\nv:\n${text.split('\n').map((l) => `  ${l}`).join('\n')}\n---\n`
      : format === 'toml'
        ? `+++\nv = ${text}\n+++\n`
        : `{ "v": ${text}\n}\n`
  const parsed = parseFrontMatter(doc)
  const error = parsed.errors[0]
  if (error) return fail('PARSE', error.message)
  const value = parsed.data.v
  return value === undefined ? fail('PARSE', 'no value') : ok(value)
}

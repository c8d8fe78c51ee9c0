import { parse as parseYaml, YAMLParseError } from 'yaml'
import type { FrontMatterValue, KeyPath } from '@shared/front-matter'
import { fail, ok, type Result } from '@shared/result'

const keyPathPattern = /^[^.[\]=\s]+(?:\.[^.[\]=\s]+|\[\d+\])*$/

/** True when `arg` looks like `key.path=value` (the part before `=` is a key path), so it is not taken for a file. */
export function isAssignment(arg: string): boolean {
  const eq = arg.indexOf('=')
  return eq > 0 && keyPathPattern.test(arg.slice(0, eq))
}

/**
 * Parses a key path as the CLI writes it: `params.author`, `tags[0]` (brackets for list indexes; a dotted number is
 * a mapping key). Fails with INVALID_ARGUMENT on an empty or malformed path.
 */
export function parseKeyPath(text: string): Result<KeyPath> {
  if (!keyPathPattern.test(text)) return fail('INVALID_ARGUMENT', `"${text}" is not a key path (write params.author or tags[0])`)
  const path: (string | number)[] = []
  for (const m of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''))
  return ok(path)
}

/** Splits `key.path=value` and reads the value as YAML (`"New"`, `true`, `[a, b]`); an empty value is null. */
export function parseAssignment(arg: string): Result<{ path: KeyPath; value: FrontMatterValue }> {
  const eq = arg.indexOf('=')
  const path = parseKeyPath(arg.slice(0, eq))
  if (!path.ok) return path
  try {
    const value = parseYaml(arg.slice(eq + 1), { schema: 'core', uniqueKeys: true }) as unknown
    return ok({ path: path.value, value: (value ?? null) as FrontMatterValue })
  } catch (error) {
    // NOTE: a value that is not YAML is the user's typo, reported as a usage error.
    if (error instanceof YAMLParseError) {
      return fail('INVALID_ARGUMENT', `the value of ${arg.slice(0, eq)} is not valid YAML (${error.message.split('\n')[0] ?? ''}); quote it`)
    }
    throw error
  }
}

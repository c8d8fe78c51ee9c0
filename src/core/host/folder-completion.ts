import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'

/** The most completions one answer holds. */
export const maxCompletions = 50

/** Splits what the user typed into the folder to list and the start of the name to complete (`~` is the home folder). */
export function splitPartialPath(partial: string, pathApi: path.PlatformPath = path, home = os.homedir()): { dir: string; prefix: string } | null {
  let typed = partial
  if (typed === '~' || typed.startsWith('~/') || (pathApi.sep === '\\' && typed.startsWith('~\\'))) typed = pathApi.join(home, typed.slice(1))
  if (!pathApi.isAbsolute(typed)) return null
  const endsWithSep = typed.endsWith('/') || typed.endsWith(pathApi.sep)
  if (endsWithSep) return { dir: pathApi.resolve(typed), prefix: '' }
  return { dir: pathApi.dirname(pathApi.resolve(typed)), prefix: pathApi.basename(typed) }
}

/**
 * Folder paths that complete `partial` (an absolute path, or one starting with `~`): the sub-folders of the typed
 * folder whose names start with the last typed segment, sorted, hidden ones only when the segment starts with a dot.
 * Only what this process may read is listed (an unreadable folder answers an empty list). INVALID_ARGUMENT for a
 * relative path.
 */
export async function completeFolderPath(partial: string, isCaseInsensitive = process.platform !== 'linux'): Promise<Result<string[]>> {
  if (partial.length > 4096 || partial.includes('\0')) return fail('INVALID_ARGUMENT', 'The path is too long or holds a NUL character.')
  const split = splitPartialPath(partial)
  if (split === null) return fail('INVALID_ARGUMENT', 'Type an absolute path (or one starting with ~).')
  const { dir, prefix } = split
  let entries: import('node:fs').Dirent[]
  try {
    entries = await fs.readdir(dir, { withFileTypes: true })
  } catch (error) {
    // NOTE: a folder the user may not read, or one that does not exist yet, has nothing to offer; not an error.
    if (error instanceof Error && 'code' in error) return ok([])
    throw error
  }
  const norm = (name: string): string => (isCaseInsensitive ? name.toLowerCase() : name)
  const wanted = norm(prefix)
  const names: string[] = []
  for (const entry of entries) {
    if (!entry.isDirectory() && !entry.isSymbolicLink()) continue
    if (entry.name.startsWith('.') && !prefix.startsWith('.')) continue
    if (!norm(entry.name).startsWith(wanted)) continue
    if (entry.isSymbolicLink()) {
      const stats = await fs.stat(path.join(dir, entry.name)).catch(() => null)
      if (!stats?.isDirectory()) continue
    }
    names.push(entry.name)
  }
  names.sort((a, b) => a.localeCompare(b))
  return ok(names.slice(0, maxCompletions).map((name) => path.join(dir, name)))
}

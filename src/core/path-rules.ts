import path from 'node:path'
import { fail, ok, type Result } from '@shared/result'

const MAX_PATH_LENGTH = 1024
const windowsReserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) < 0x20) return true
  return false
}

/**
 * Checks a relative path that crossed the API (untrusted) and splits it into segments. Pure; applies Windows rules
 * (drive letters, UNC, `\\?\`, reserved names, trailing dots) always, so a check cannot depend on the host.
 * Fails with INVALID_PATH (or INVALID_ARGUMENT for a non-string) naming what is wrong.
 */
export function splitRelativePath(input: unknown): Result<string[]> {
  if (typeof input !== 'string') return fail('INVALID_ARGUMENT', 'A path must be a string.')
  const shown = JSON.stringify(input.slice(0, 200))
  const refuse = (why: string): Result<string[]> => fail('INVALID_PATH', `The path ${shown} is refused: ${why}.`)
  if (input.length === 0) return refuse('it is empty')
  if (input.length > MAX_PATH_LENGTH) return refuse('it is too long')
  if (input.includes('\0')) return refuse('it contains a NUL byte')
  if (path.posix.isAbsolute(input) || path.win32.isAbsolute(input)) return refuse('it is absolute')
  if (/^[a-zA-Z]:/.test(input)) return refuse('it names a drive')
  if (input.includes('\\')) return refuse('it contains a backslash (use / separators)')
  if (input.includes(':')) return refuse('it contains a colon')
  const segments = input.split('/')
  for (const segment of segments) {
    if (segment === '') return refuse('it has an empty segment')
    if (segment === '.' || segment === '..') return refuse(`it has a "${segment}" segment`)
    if (/[<>"|?*]/.test(segment) || hasControlChar(segment)) return refuse('it contains a character that Windows does not allow')
    if (/[. ]$/.test(segment)) return refuse('a segment ends with a dot or space')
    if (windowsReserved.test(segment)) return refuse('it uses a reserved Windows name')
  }
  return ok(segments)
}

/** True when `child` is `root` itself or lies inside it; compares with path.relative, never by string prefix. */
export function isInside(root: string, child: string, pathApi: typeof path.posix = path): boolean {
  const rel = pathApi.relative(root, child)
  const isParentRef = rel === '..' || rel.startsWith('..' + pathApi.sep)
  return rel === '' || (!isParentRef && !pathApi.isAbsolute(rel))
}

/** Converts an absolute path inside `root` to the API's relative form with `/` separators. */
export function toApiPath(root: string, absPath: string, pathApi: typeof path.posix = path): string {
  return pathApi.relative(root, absPath).split(pathApi.sep).join('/')
}

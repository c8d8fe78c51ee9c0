import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** What a launch asks Folio to open: a content folder, or one article (whose folder opens with it). Paths are absolute. */
export type LaunchTarget = { kind: 'folder'; path: string } | { kind: 'article'; path: string }

/** The path functions of the platform the arguments came from (path.win32 in tests of Windows inputs). */
export type PathApi = Pick<typeof path, 'resolve' | 'isAbsolute'>

/** The URL scheme Folio registers for `folio://open?path=<absolute path>` links (macOS open-url, Windows/Linux argv). */
export const appUrlScheme = 'folio'

const articlePattern = /\.(md|markdown)$/i

/** A folder or article path as a target (articles by their `.md`/`.markdown` name), resolved against `cwd`. */
export function targetFromPath(raw: string, cwd: string, pathApi: PathApi = path): LaunchTarget {
  const absolute = pathApi.resolve(cwd, raw)
  return articlePattern.test(absolute) ? { kind: 'article', path: absolute } : { kind: 'folder', path: absolute }
}

/**
 * The target of a `file:` URL or a `folio://open?path=` link; null for any other URL or a relative path (a link
 * cannot name a path relative to some unknown folder).
 */
export function targetFromUrl(url: string, pathApi: PathApi = path): LaunchTarget | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null // NOTE: not a URL at all: nothing to open.
  }
  let raw: string | null = null
  if (parsed.protocol === 'file:') {
    try {
      raw = fileURLToPath(parsed, { windows: pathApi === path.win32 })
    } catch {
      return null // NOTE: a file URL with a host (or, on Windows, without a drive) names no local path.
    }
  } else if (parsed.protocol === `${appUrlScheme}:` && parsed.hostname === 'open') raw = parsed.searchParams.get('path')
  if (raw === null || raw === '' || raw.includes('\0') || !pathApi.isAbsolute(raw)) return null
  return targetFromPath(raw, raw, pathApi)
}

/**
 * The target named on a command line: `electron . <dir>` unpackaged, `Folio <dir|file.md>` packaged, or a second
 * instance's argv. Switches (Chromium adds some on Windows) are skipped; a `folio://` or `file:` URL argument (how
 * Windows and Linux deliver protocol links) is read as a link. Null when nothing is named.
 */
export function launchTargetFromArgv(argv: readonly string[], options: { isPackaged: boolean; cwd: string; pathApi?: PathApi }): LaunchTarget | null {
  const pathApi = options.pathApi ?? path
  const args = argv.slice(options.isPackaged ? 1 : 2).filter((arg) => arg !== '' && !arg.startsWith('-'))
  const last = args.at(-1)
  if (last === undefined) return null
  if (/^(folio|file):/i.test(last)) return targetFromUrl(last, pathApi)
  return targetFromPath(last, options.cwd, pathApi)
}

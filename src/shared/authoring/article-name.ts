import { fail, ok, type Result } from '../result'
import { hugoPathKey } from '../hugo/urlize'

/** The longest file or folder name Folio creates, in UTF-8 bytes (most file systems allow 255). */
export const maxNameBytes = 200

const reserved = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

/**
 * Checks one file or folder name a writer typed (for a new, renamed or moved article or file). INVALID_PATH with a
 * sentence naming the problem: empty, `/` or `\`, `.`/`..`, characters Windows refuses, a trailing dot or space,
 * reserved Windows names (`CON`, `nul.md`), control characters, or over 200 bytes.
 */
export function checkName(name: string): Result<string> {
  const shown = JSON.stringify(name.length > 60 ? name.slice(0, 60) + '…' : name)
  const refuse = (why: string): Result<string> => fail('INVALID_PATH', `The name ${shown} cannot be used: ${why}.`)
  if (name.trim() === '') return refuse('it is empty')
  if (name.includes('/') || name.includes('\\')) return refuse('a name cannot contain / or \\ (choose the folder separately)')
  if (name === '.' || name === '..') return refuse('it names a folder, not a file')
  if (/[<>:"|?*]/.test(name)) return refuse('it contains a character Windows does not allow (< > : " | ? *)')
  for (const c of name) if (c.charCodeAt(0) < 0x20 || c === '\u007f') return refuse('it contains a control character')
  if (/[. ]$/.test(name)) return refuse('it ends with a dot or a space')
  if (reserved.test(name)) return refuse('it is a reserved name on Windows')
  if (new TextEncoder().encode(name).length > maxNameBytes) return refuse(`it is longer than ${maxNameBytes} bytes`)
  return ok(name)
}

/** The file name Hugo would give a title (`urlize` without escaping: lower case, hyphens, unicode kept), or '' when nothing is left. */
export function slugFromTitle(title: string): string {
  return hugoPathKey(title).replace(/[/\\]/g, '-').replace(/^[.-]+|[.]+$/g, '')
}

/**
 * The folder path of a new article: `<section>/<slug>.md`, or `<section>/<slug>/index.md` for a page bundle. Section
 * and result are relative to the opened folder with `/` separators. INVALID_PATH when the slug is not a usable name.
 */
export function newArticlePath(section: string, slug: string, isBundle: boolean): Result<string> {
  const checked = checkName(isBundle ? slug : `${slug}.md`)
  if (!checked.ok) return checked
  const prefix = section === '' ? '' : section.replace(/\/+$/, '') + '/'
  return ok(isBundle ? `${prefix}${slug}/index.md` : `${prefix}${slug}.md`)
}

/**
 * The path a new article gets from its title: Hugo's urlize of the title in `section` (a bundle `slug/index.md` when
 * asked); a Jekyll post (`…/_posts`) is `YYYY-MM-DD-slug.md` with `today` (the writer's local date) and never a
 * bundle. `problem` says why there is no path (a title with no usable name, a reserved name).
 */
export function proposedArticlePath(layout: string, section: string, title: string, isBundle: boolean, today: string): { path: string | null; problem: string | null } {
  const slug = slugFromTitle(title)
  if (slug === '') return { path: null, problem: title.trim() === '' ? null : 'The title leaves no usable file name.' }
  const isPost = layout === 'jekyll' && /(^|\/)_posts$/.test(section)
  const path = newArticlePath(section, isPost ? `${today}-${slug}` : slug, isBundle && layout !== 'jekyll')
  return path.ok ? { path: path.value, problem: null } : { path: null, problem: path.error.message }
}

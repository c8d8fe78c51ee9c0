import type { TextChange } from '../front-matter/types'
import { ContentLookup, isBranchIndex, isLeafBundleIndex } from './content-lookup'
import { scanLinks } from './link-scan'
import { posix } from './posix-path'

/** One thing moving: an article file, or a bundle folder with everything in it. Paths relative to the opened folder. */
export interface PathMove {
  from: string
  to: string
  isFolder: boolean
}

/** Where `p` (a file or folder, relative to the opened folder) ends up after `moves`; null when it does not move. */
export function movedPath(moves: readonly PathMove[], p: string): string | null {
  for (const m of moves) {
    if (!m.isFolder && p === m.from) return m.to
    if (m.isFolder && (p === m.from || p.startsWith(m.from + '/'))) return m.to + p.slice(m.from.length)
  }
  return null
}

/** The folder's articles and where Hugo's content folder is in it ('' when the opened folder is the content folder). */
export interface LinkWorld {
  contentDir: string
  /** Every article, relative to the opened folder. */
  articles: readonly string[]
}

const articleExt = /\.(md|markdown)$/i
const external = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\/|#|\?)/i

function contentPathOf(world: LinkWorld, p: string): string | null {
  if (world.contentDir === '') return p
  return p.startsWith(world.contentDir + '/') ? p.slice(world.contentDir.length + 1) : null
}

function inFolder(world: LinkWorld, contentPath: string): string {
  return world.contentDir === '' ? contentPath : `${world.contentDir}/${contentPath}`
}

function splitSuffix(value: string): { path: string; suffix: string } {
  const cut = value.search(/[#?]/)
  return cut < 0 ? { path: value, suffix: '' } : { path: value.slice(0, cut), suffix: value.slice(cut) }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    // NOTE: a stray `%` that is not an escape means the link is written literally.
    return text
  }
}

/** The folder-relative file a relative Markdown link in article `from` points at, or null (external, root-relative, outside). */
export function markdownLinkTarget(from: string, value: string): string | null {
  const { path } = splitSuffix(value.trim())
  if (path === '' || external.test(path)) return null
  const joined = posix.join(posix.dirname(from), path.includes('%') ? safeDecode(path) : path)
  return joined.startsWith('..') || joined === '.' ? null : joined.replace(/\/$/, '')
}

/** How a ref path was spelled, so a rewritten one keeps the writer's style. */
function spell(original: string, target: string): string {
  const hasExt = articleExt.test(original.replace(/\/$/, ''))
  const namesIndex = /(^|\/)_?index(\.(md|markdown))?\/?$/i.test(original)
  const trailing = original.endsWith('/') ? '/' : ''
  const bare = target.replace(articleExt, '')
  if (isLeafBundleIndex(target) || isBranchIndex(target)) {
    if (hasExt) return target
    if (namesIndex) return bare
    const dir = posix.dirname(target)
    return (dir === '.' ? '' : dir) + trailing
  }
  return hasExt ? target : bare + trailing
}

function refBase(from: string, isUp: boolean): string {
  const dir = posix.dirname(from)
  return isLeafBundleIndex(from) && !isUp ? posix.dirname(dir) : dir
}

function relativeRef(from: string, spelled: string, hasDotSlash: boolean): string {
  let rel = posix.relative(refBase(from, false), spelled.replace(/\/$/, ''))
  if (rel.startsWith('..')) rel = posix.relative(refBase(from, true), spelled.replace(/\/$/, ''))
  rel += spelled.endsWith('/') ? '/' : ''
  return hasDotSlash && !rel.startsWith('.') ? './' + rel : rel
}

/** Context for rewriting one file: lookups before and after the moves. */
interface Rewriter {
  world: LinkWorld
  moves: readonly PathMove[]
  before: ContentLookup
  after: ContentLookup
}

function rewriteRef(r: Rewriter, oldFile: string, newFile: string, value: string): string | null {
  const cFrom = contentPathOf(r.world, oldFile)
  const cTo = contentPathOf(r.world, newFile)
  if (cFrom === null || cTo === null) return null
  const { path, suffix } = splitSuffix(value)
  const found = r.before.resolve(cFrom, path)
  if (found === null) return null
  const target = contentPathOf(r.world, movedPath(r.moves, inFolder(r.world, found.target)) ?? inFolder(r.world, found.target))
  if (target === null) return null
  const isTargetMoved = target !== found.target
  if (!isTargetMoved && (found.form !== 'relative' || cFrom === cTo)) return null
  const spelled = spell(path, target)
  let next: string
  if (found.form === 'name') next = (path.trim().startsWith('/') ? '/' : '') + posix.basename(spelled.replace(/\/$/, '')) + (spelled.endsWith('/') ? '/' : '')
  else if (found.form === 'absolute') next = (path.trim().startsWith('/') ? '/' : '') + spelled
  else next = relativeRef(cTo, spelled, path.trim().startsWith('./'))
  if (r.after.resolve(cTo, next)?.target !== target) next = '/' + target
  return next === path ? null : next + suffix
}

function rewriteMarkdown(r: Rewriter, oldFile: string, newFile: string, value: string): string | null {
  const target = markdownLinkTarget(oldFile, value)
  if (target === null) return null
  const movedTarget = movedPath(r.moves, target) ?? target
  if (movedTarget === target && posix.dirname(oldFile) === posix.dirname(newFile)) return null
  const { path, suffix } = splitSuffix(value.trim())
  let rel = posix.relative(posix.dirname(newFile), movedTarget)
  if (rel === '') rel = '.'
  if (path.startsWith('./') && !rel.startsWith('.')) rel = './' + rel
  if (path.endsWith('/')) rel += '/'
  if (path.includes('%')) rel = encodeURI(rel)
  return rel === path ? null : rel + suffix
}

/** The edits one file needs; `inbound` is true when any of its links points at something that moves. */
export interface FileLinkEdits {
  path: string
  changes: TextChange[]
}

/**
 * The text changes that keep every link right after `moves`: in files pointing at moved articles or bundle files
 * (ref/relref in every spelling, relative Markdown and HTML links), and in moved articles pointing elsewhere. Each
 * change replaces only the path text; anchors, quotes and the spelling style stay. `texts` maps old folder paths to
 * LF text; files missing from it are not edited (a caller may pass only files that can mention a moved name).
 */
export function planLinkEdits(world: LinkWorld, moves: readonly PathMove[], texts: ReadonlyMap<string, string>): FileLinkEdits[] {
  const contentPaths = (list: readonly string[]): string[] => list.flatMap((p) => contentPathOf(world, p) ?? [])
  const afterArticles = world.articles.map((p) => movedPath(moves, p) ?? p)
  const r: Rewriter = { world, moves, before: new ContentLookup(contentPaths(world.articles)), after: new ContentLookup(contentPaths(afterArticles)) }
  const out: FileLinkEdits[] = []
  for (const [file, text] of texts) {
    const newFile = movedPath(moves, file) ?? file
    const changes: TextChange[] = []
    for (const link of scanLinks(text)) {
      const next = link.kind === 'ref' ? rewriteRef(r, file, newFile, link.value) : rewriteMarkdown(r, file, newFile, link.value)
      if (next !== null && next !== link.value) changes.push({ from: link.from, to: link.to, insert: next })
    }
    if (changes.length > 0) out.push({ path: file, changes })
  }
  return out
}

/** A link in `path` (1-based line) that points at one of the targets. */
export interface InboundLink {
  path: string
  line: number
  value: string
}

/**
 * The links in `texts` that point at `targets` (folder-relative article files, or folders for bundles): what would
 * break if they went away. Links from inside the targets themselves are not counted.
 */
export function findInboundLinks(world: LinkWorld, targets: readonly PathMove[], texts: ReadonlyMap<string, string>): InboundLink[] {
  const lookup = new ContentLookup(world.articles.flatMap((p) => contentPathOf(world, p) ?? []))
  const out: InboundLink[] = []
  for (const [file, text] of texts) {
    if (movedPath(targets, file) !== null) continue
    for (const link of scanLinks(text)) {
      let target: string | null = null
      if (link.kind === 'ref') {
        const from = contentPathOf(world, file)
        const found = from === null ? null : lookup.resolve(from, splitSuffix(link.value).path)
        target = found === null ? null : inFolder(world, found.target)
      } else target = markdownLinkTarget(file, link.value)
      if (target !== null && movedPath(targets, target) !== null) out.push({ path: file, line: lineOf(text, link.from), value: link.value })
    }
  }
  return out
}

function lineOf(text: string, offset: number): number {
  let line = 1
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1
  return line
}

/** The names a file must contain (case-insensitively) to possibly link to what moves: each moved item's base name. */
export function mentionNeedles(moves: readonly PathMove[]): string[] {
  return moves.map((m) => {
    const base = posix.basename(m.from)
    return (/^_?index\.(md|markdown)$/i.test(base) ? posix.basename(posix.dirname(m.from)) : base.replace(articleExt, '')).toLowerCase()
  })
}

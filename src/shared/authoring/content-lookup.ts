import { posix } from './posix-path'

/** How a `ref`/`relref` path found its page: relative to the page, from the content root, or by a unique base name. */
export type RefForm = 'relative' | 'absolute' | 'name'

/** A resolved `ref`: the target article (content-relative path as listed) and how the ref found it. */
export interface RefTarget {
  target: string
  form: RefForm
}

const articleExt = /\.(md|markdown)$/i

/** True for `index.md` of a leaf bundle (not `_index.md`). */
export function isLeafBundleIndex(contentPath: string): boolean {
  return /(^|\/)index\.(md|markdown)$/i.test(contentPath)
}

/** True for `_index.md` (a branch bundle: a section or the home page). */
export function isBranchIndex(contentPath: string): boolean {
  return /(^|\/)_index\.(md|markdown)$/i.test(contentPath)
}

/** The names Hugo finds a page by: its path with and without extension, and its folder for bundles; lower case, no leading slash. */
function namesOf(contentPath: string): { full: string[]; base: string[] } {
  const lower = contentPath.toLowerCase()
  const bare = lower.replace(articleExt, '')
  const full = [lower, bare]
  const base = [posix.basename(lower), posix.basename(bare)]
  if (isLeafBundleIndex(lower) || isBranchIndex(lower)) {
    const dir = posix.dirname(lower) === '.' ? '' : posix.dirname(lower)
    full.push(dir)
    if (dir !== '') base.push(posix.basename(dir))
  }
  return { full, base }
}

/**
 * Finds pages the way Hugo 0.111's `ref`/`relref` do (case-insensitive): relative to the page (for a leaf bundle,
 * relative to the bundle's parent unless the ref goes up with `..`), then from the content root, then by a base name
 * that only one page has. Paths are relative to the content folder, `/` separators.
 */
export class ContentLookup {
  private readonly byPath = new Map<string, string>()
  private readonly byBase = new Map<string, string[]>()

  constructor(contentPaths: Iterable<string>) {
    for (const p of contentPaths) {
      const { full, base } = namesOf(p)
      for (const key of full) if (!this.byPath.has(key)) this.byPath.set(key, p)
      for (const key of new Set(base)) {
        const list = this.byBase.get(key) ?? []
        list.push(p)
        this.byBase.set(key, list)
      }
    }
  }

  /** The page at a content path given in any of Hugo's spellings (`/posts/x`, `posts/x.md`, `posts/b/`), or null. */
  byName(name: string): string | null {
    const key = posix.normalize(name.toLowerCase()).replace(/^\/+|\/+$/g, '')
    return this.byPath.get(key === '.' ? '' : key) ?? null
  }

  /** True when exactly one page has this base name (so a bare-name ref to it is unambiguous). */
  isUniqueBase(name: string): boolean {
    return (this.byBase.get(name.toLowerCase())?.length ?? 0) === 1
  }

  /** Resolves `ref` (anchor already removed) written in the page at `from`; null when Hugo would not find it. */
  resolve(from: string, ref: string): RefTarget | null {
    const r = ref.trim().replace(/\\/g, '/').toLowerCase()
    if (r === '') return null
    if (!r.startsWith('/')) {
      let base = posix.dirname(from)
      if (isLeafBundleIndex(from) && !r.startsWith('..')) base = posix.dirname(base)
      const joined = posix.join(base, r)
      if (!joined.startsWith('..')) {
        const found = this.byName(joined)
        if (found !== null) return { target: found, form: 'relative' }
      }
    }
    const absolute = this.byName(r)
    if (absolute !== null) return { target: absolute, form: 'absolute' }
    const name = posix.basename(r)
    const list = this.byBase.get(name)
    if (list?.length === 1) return { target: list[0], form: 'name' }
    return null
  }
}

// NOTE: src/shared may not import node:path; folder paths here are always `/`-separated and relative, so these few
// POSIX rules (as node's path.posix applies them) are all that is needed.

function normalizeSegments(segments: string[]): string[] {
  const out: string[] = []
  for (const s of segments) {
    if (s === '' || s === '.') continue
    if (s === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop()
    else out.push(s)
  }
  return out
}

/** `/`-path helpers for relative folder paths (no drive letters, no backslashes). */
export const posix = {
  /** Collapses `.`, `..` and repeated slashes; keeps a leading and a trailing slash; '.' for nothing. */
  normalize(p: string): string {
    const isAbsolute = p.startsWith('/')
    const body = normalizeSegments(p.split('/')).join('/')
    const trailing = p.endsWith('/') && body !== '' ? '/' : ''
    if (isAbsolute) return '/' + body + trailing
    return body === '' ? '.' : body + trailing
  },
  join(...parts: string[]): string {
    return posix.normalize(parts.filter((p) => p !== '').join('/'))
  },
  /** The folder of `p` ('.' for a bare name). */
  dirname(p: string): string {
    const trimmed = p.replace(/\/+$/, '')
    const i = trimmed.lastIndexOf('/')
    if (i < 0) return '.'
    return i === 0 ? '/' : trimmed.slice(0, i)
  },
  basename(p: string): string {
    const trimmed = p.replace(/\/+$/, '')
    return trimmed.slice(trimmed.lastIndexOf('/') + 1)
  },
  /** The path from folder `from` to `to`, both relative to the same root ('.' and '' mean the root). */
  relative(from: string, to: string): string {
    const a = normalizeSegments(from.split('/'))
    const b = normalizeSegments(to.split('/'))
    let i = 0
    while (i < a.length && i < b.length && a[i] === b[i]) i += 1
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/')
  },
}

import fs from 'node:fs'

// NOTE: 0 on Windows, where neither exists (a FIFO cannot be named like a file there, links need privileges).
const indexFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOFOLLOW ?? 0)

/** What opening a file for the index gave: an fd on a regular file with its fstat, or why not (never thrown). */
export type IndexOpen = { kind: 'open'; fd: number; stats: fs.Stats } | { kind: 'skipped' } | { kind: 'missing' } | { kind: 'failed'; code: string }

/**
 * The store's synchronous twin for index workers: opens `abs` for reading the way listing judges it. A link at the
 * path is not followed (O_NOFOLLOW: a link planted while running is skipped as at start-up), a FIFO never blocks
 * (O_NONBLOCK), and anything but a regular file (fstat) is closed and skipped. One open and one fstat: no more
 * per-file cost than that, as the cold index on 50,000 files is measured.
 */
export function openForIndexSync(abs: string): IndexOpen {
  let fd: number
  try {
    fd = fs.openSync(abs, indexFlags)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code !== 'string') throw error
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' }
    // NOTE: ELOOP is O_NOFOLLOW meeting a link; EMLINK is FreeBSD's way of saying the same.
    if (code === 'ELOOP' || code === 'EMLINK') return { kind: 'skipped' }
    return { kind: 'failed', code }
  }
  try {
    const stats = fs.fstatSync(fd)
    if (stats.isFile()) return { kind: 'open', fd, stats }
  } catch (error) {
    fs.closeSync(fd)
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code !== 'string') throw error
    return { kind: 'failed', code }
  }
  fs.closeSync(fd)
  return { kind: 'skipped' }
}

/**
 * A small file's UTF-8 text with its fstat, opened as openForIndexSync does (no link followed, no FIFO opened,
 * nothing over `maxBytes`); null when it is absent, skipped, too large or unreadable.
 */
export function readTextForIndexSync(abs: string, maxBytes: number): { text: string; stats: fs.Stats } | null {
  const opened = openForIndexSync(abs)
  if (opened.kind !== 'open') return null
  try {
    if (opened.stats.size > maxBytes) return null
    return { text: fs.readFileSync(opened.fd, 'utf8'), stats: opened.stats }
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error
    return null
  } finally {
    fs.closeSync(opened.fd)
  }
}

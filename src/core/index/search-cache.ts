import fs from 'node:fs'
import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { SearchResults } from '@shared/api'
import type { Result } from '@shared/result'
import { ok } from '@shared/result'
import { errnoCode } from '../errno'
import { entryKind, type ArticleScope } from '../store/entry-rules'
import { bestHits, titlePatterns, withSnippets, type RankedHit } from './folder-scan'
import { skippedNote, type FolderScan } from './folder-search'
import { articleScopeOf, walkArticles, type DirRow } from './folder-walk'
import { absOf, folderOf, readFolder, textOf, type ScanRead } from './scan-read'
import { encodeSearchIndex, loadSearchIndex, textAt, titleAt, type SavedIndex, type TextColumn } from './search-index-format'
import { othersRunnableNow } from './machine-load'
import { lstatOrNull, stampState } from './stamp-check'
import { checkAllStamps, startStampWorker, type StampThreads } from './stamp-threads'
import { emptyStamp, stampReader, type StampRead } from './stamp-read'
import { TermIndex } from './term-index'

export { loadSearchIndex } from './search-index-format'

// A saved search index (issue #22): the words of every article of a folder, kept in the cache folder (the summary
// cache's, never the content folder) so a later `folio search` reads only the files changed since. Each file is
// trusted only while its size, mtime and ctime are the ones it was read with (isSameStamp, as the summaries), and
// each folder only while its mtime and ctime are: a folder whose entries changed is listed again, so new files are
// read and removed ones dropped. A file that is malformed, of another version or for another folder is ignored.

/** A 53-bit hash of `text` (cyrb53), `seed` picking one of many: a name for a cache file, not a proof of anything. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/**
 * The saved search index's file for the folder `root` under `cacheDir`. NOTE: named by a hash made here, not by
 * node:crypto, whose loading was 17 ms of every search's start-up; a file names its folder inside (loadSearchIndex
 * checks it), so two folders with one name only take turns.
 */
export function searchIndexFile(cacheDir: string, root: string): string {
  const key = `${hash53(root, 1).toString(16).padStart(14, '0')}${hash53(root, 2).toString(16).padStart(14, '0')}`
  return path.join(cacheDir, 'search', `${key.slice(0, 24)}.bin`)
}

/** Where an earlier Folio kept the saved search index of `root` (named by SHA-256), removed when a new one is saved. */
async function formerIndexFile(file: string, root: string): Promise<string> {
  const { createHash } = await import('node:crypto')
  return path.join(path.dirname(file), `${createHash('sha256').update(root).digest('hex').slice(0, 20)}.bin`)
}

/** True when `file` would lie inside `root` (the content folder), where Folio writes nothing of its own. */
export function isInsideFolder(file: string, root: string): boolean {
  const real = (p: string): string => {
    // NOTE: the cache folder may not exist yet; its nearest existing parent decides.
    for (let at = p; ; at = path.dirname(at)) {
      try {
        return path.join(fs.realpathSync.native(at), path.relative(at, p))
      } catch (error) {
        if (errnoCode(error) === undefined || path.dirname(at) === at) throw error
      }
    }
  }
  const rel = path.relative(real(root), real(file))
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/** How long a claim to save the index in the background holds (ms): a save that died leaves one this old at most. */
const claimHoldsMs = 15 * 60 * 1000

/**
 * Claims the saving of `root`'s search index in `cacheDir` for a background job (a marker file beside the index,
 * removed when a save ends); false when a fresh claim exists, or the index could not be kept there (inside the
 * content folder, cache folder unwritable), so no second job starts.
 */
export function claimIndexSave(cacheDir: string, root: string, now = Date.now()): boolean {
  const file = searchIndexFile(cacheDir, root)
  if (isInsideFolder(file, root)) return false
  const marker = `${file}.saving`
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const stats = lstatOrNull(marker)
    if (stats !== null && now - stats.mtimeMs < claimHoldsMs) return false
    fs.writeFileSync(marker, String(process.pid))
    return true
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return false
  }
}

/** A folder's entries, or null when it vanished or cannot be read (it is then left out, as the listing does). */
function entriesOrNull(abs: string): fs.Dirent[] | null {
  try {
    return fs.readdirSync(abs, { withFileTypes: true })
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return null
  }
}

/**
 * Reads every article of `root` (confined, as the scan) and saves its words, titles and stamps to `file`; false when
 * it could not be written (the index is optional) or would lie inside the folder.
 */
export async function saveSearchIndex(file: string, root: string, scope: ArticleScope): Promise<boolean> {
  if (isInsideFolder(file, root)) return false
  const files: string[] = []
  const dirs: DirRow[] = []
  if (!walkArticles(root, '', scope, (paths) => files.push(...paths), dirs).ok) return false
  // NOTE: sorted by path, so ids ascend in the search's order (see search-index-format).
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const { titleOf } = await import('./article-record')
  const index = new TermIndex()
  const paths: string[] = []
  const stamps: number[] = []
  const titles: (string | null)[] = []
  for (let from = 0; from < files.length; ) {
    const dir = folderOf(files[from])
    let to = from + 1
    while (to < files.length && folderOf(files[to]) === dir) to++
    const read: { rel: string; text: string; stats: fs.Stats }[] = []
    // NOTE: a file skipped (too large, unreadable) is not saved: it is looked at again, and named, by every search.
    // The stamp is the opened file's: a file changed after is read again by the next search.
    const isProven = readFolder(root, dir, files, from, to, (rel: string, got: ScanRead) => {
      if (got.kind === 'bytes' && got.stats !== null) read.push({ rel, text: textOf(got.bytes), stats: got.stats })
      return true
    })
    from = to
    if (!isProven) continue
    for (const { rel, text, stats } of read) {
      index.add(rel, text)
      paths.push(rel)
      stamps.push(stats.size, stats.mtimeMs, stats.ctimeMs)
      titles.push(titleOf(text))
    }
  }
  const bytes = encodeSearchIndex(root, { paths, stamps: Float64Array.from(stamps), titles, dirs, words: index.entries() })
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return false
  }
  const { writeFileAtomic } = await import('../atomic-write')
  if (!(await writeFileAtomic(file, bytes)).ok) return false
  fs.rmSync(await formerIndexFile(file, root), { force: true })
  return true
}

/** The saved folders whose stamp changed (or that are gone, or no longer folders). */
function changedDirsOf(root: string, dirs: readonly DirRow[], read: StampRead): DirRow[] {
  const now = emptyStamp()
  return dirs.filter(([rel, mtimeMs, ctimeMs]) => {
    if (!read(rel === '' ? root : absOf(root, rel), now)) return true
    return !now.isFolder || now.mtimeMs !== mtimeMs || now.ctimeMs !== ctimeMs
  })
}

/** The files to read again: the changed ones, and those new in the changed folders (listed again). */
function freshness(root: string, scope: ArticleScope, saved: SavedIndex, states: Uint8Array, changedDirs: readonly DirRow[]): string[] {
  const { paths, dirs } = saved
  const toScan: string[] = []
  for (let id = 0; id < saved.count; id++) if (states[id] === stampState.changed) toScan.push(textAt(paths, id))
  if (changedDirs.length === 0) return toScan
  const known = new Set<string>()
  for (let id = 0; id < saved.count; id++) known.add(textAt(paths, id))
  const knownDirs = new Set(dirs.map(([rel]) => rel))
  for (const [rel] of changedDirs) {
    const abs = rel === '' ? root : absOf(root, rel)
    const entries = entriesOrNull(abs)
    if (entries === null) continue
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`
      const kind = entryKind(entry, child, scope)
      if (kind === 'article' && !known.has(child)) toScan.push(child)
      // NOTE: a folder that is new (or was a file, or skipped) is listed whole.
      else if (kind === 'folder' && !knownDirs.has(child)) walkArticles(root, child, scope, (found) => toScan.push(...found))
    }
  }
  return toScan
}

/**
 * Every saved file checked by its stamp (see checkAllStamps, with `worker` if any) and every saved folder by its
 * own (see freshness): the stampState of each file, and the files to read again.
 */
async function checkedStamps(root: string, scope: ArticleScope, saved: SavedIndex, file: string, worker: Worker | null): Promise<{ states: Uint8Array; toScan: string[] }> {
  let changedDirs: DirRow[] = []
  // NOTE: the folders first, while the worker may still be starting.
  const states = await checkAllStamps(root, saved, file, worker, () => (changedDirs = changedDirsOf(root, saved.dirs, stampReader(file))))
  return { states, toScan: freshness(root, scope, saved, states, changedDirs) }
}

/**
 * The best `limit` of the documents `live` (ids ascending, so in path order) in the search's order: title hits
 * first, then the rest, each by path.
 */
function rankedFromIndex(saved: SavedIndex, titles: TextColumn, live: readonly number[], patterns: readonly RegExp[], limit: number): RankedHit[] {
  const titleHits: RankedHit[] = []
  const others: RankedHit[] = []
  for (const id of live) {
    const title = titleAt(titles, id)
    const isTitleHit = title !== null && patterns.every((p) => p.test(title))
    // NOTE: in path order, so once `limit` title hits are found nothing later can enter.
    if (isTitleHit) titleHits.push({ path: textAt(saved.paths, id), title, snippets: [], isTitleHit })
    else if (others.length < limit) others.push({ path: textAt(saved.paths, id), title, snippets: [], isTitleHit })
    if (titleHits.length >= limit) break
  }
  return [...titleHits, ...others].slice(0, limit)
}

/**
 * The answer from the saved search index of `root` in `cacheDir`, with every file changed since read again (by the
 * scan); null when there is no index to trust (the caller scans the folder). With `saveIndex`, the index is made
 * (or made again) first, from a full read of the folder; the answer says when it could not be saved. `threads`: how
 * the stamp check may use a worker thread (see stamp-threads).
 */
export async function searchWithSavedIndex(
  root: string,
  cacheDir: string,
  query: string,
  terms: readonly string[],
  limit: number,
  scan: (rels: string[]) => Promise<Result<FolderScan>>,
  saveIndex = false,
  threads: StampThreads = {},
): Promise<Result<SearchResults> | null> {
  const file = searchIndexFile(cacheDir, root)
  // NOTE: Folio adds no file to a content folder: a cache folder set inside it is not used.
  if (isInsideFolder(file, root)) return null
  const runnableBefore = othersRunnableNow()
  const scope = await articleScopeOf(root)
  if (saveIndex) {
    const isSaved = await saveSearchIndex(file, root, scope)
    fs.rmSync(`${file}.saving`, { force: true })
    if (!isSaved) return null
  }
  let worker = null as Worker | null
  // NOTE: the worker starts as soon as the header tells how many files there are, while the columns are read.
  const saved = loadSearchIndex(file, root, terms, (count) => {
    worker = startStampWorker(count, file, { runnableBefore, ...threads })
  })
  if (saved === null) {
    void worker?.terminate()
    return null
  }
  const { ids } = saved
  const { states, toScan } = await checkedStamps(root, scope, saved, file, worker)
  const live = ids.filter((id) => states[id] === stampState.same)
  const fromIndex = saved.titles === null ? [] : rankedFromIndex(saved, saved.titles, live, titlePatterns(terms), limit)
  const rescanned = await scan(toScan)
  if (!rescanned.ok) return rescanned
  const best = bestHits(fromIndex, rescanned.value.hits, limit)
  const hits = await withSnippets(root, best, terms)
  const results: SearchResults = { query, hits, total: live.length + rescanned.value.total, isComplete: true }
  const note = skippedNote(rescanned.value)
  if (note !== undefined) results.note = note
  return ok(results)
}

import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { SearchResults } from '@shared/api'
import type { Result } from '@shared/result'
import { ok } from '@shared/result'
import { writeFileAtomic } from '../atomic-write'
import { errnoCode } from '../errno'
import { siteRulesForFolderSync } from '../hugo-site'
import { entryKind } from '../store/entry-rules'
import { bestHits, titlePatterns, withSnippets, type RankedHit } from './folder-scan'
import { absOf, readForScan, textOf } from './scan-read'
import { scanNote, type FolderScan } from './folder-search'
import { compareRanked } from './ranking'
import { checkStamps, lstatOrNull } from './stamp-check'
import { TermIndex } from './term-index'

// A saved search index (issue #22): the words of every article of a folder, kept in the cache folder (the summary
// cache's, never the content folder) so a later `folio search` reads only the files changed since. Each file is
// trusted only while its size, mtime and ctime are the ones it was read with (isSameStamp, as the summaries), and
// each folder only while its mtime and ctime are: a folder whose entries changed is listed again, so new files are
// read and removed ones dropped. A file that is malformed, of another version or for another folder is ignored.

/** Bumped whenever the format or the words kept change, so an older file is ignored rather than trusted. */
// NOTE: 2: a Hugo site root keeps to its content folders, so a version-1 file may hold README.md or archetypes.
const formatVersion = 2
const magic = Buffer.from('FOLIO-SEARCH\n', 'latin1')

/** One folder as saved (relative, '' for the root): the mtime and ctime it was listed with. */
type DirRow = [path: string, mtimeMs: number, ctimeMs: number]

/**
 * A loaded search index. NOTE: kept in columns, not rows (paths and words as one separated text each, stamps as
 * doubles, titles parsed only when a search has matches): loading 50,000 rows of JSON cost more than the search.
 */
interface SavedIndex {
  paths: string[]
  /** size, mtimeMs, ctimeMs of each path, in turn. */
  stamps: Float64Array
  titlesJson: string
  dirs: DirRow[]
  /** The words, sorted; word i's document ids are varint gaps at postings[offsets[i], offsets[i + 1]). */
  terms: string[]
  offsets: Uint32Array
  postings: Buffer
}

/** The header before the columns: what they hold and their byte lengths, in order. */
interface Header {
  version: number
  root: string
  docCount: number
  termCount: number
  lengths: number[]
}

/** The saved search index's file for the folder `root` under `cacheDir`. */
export function searchIndexFile(cacheDir: string, root: string): string {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 20)
  return path.join(cacheDir, 'search', `${key}.bin`)
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

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

function isHeader(value: unknown, root: string): value is Header {
  if (typeof value !== 'object' || value === null) return false
  const h = value as Partial<Header>
  const counts = Number.isInteger(h.docCount) && Number.isInteger(h.termCount) && (h.docCount ?? -1) >= 0 && (h.termCount ?? -1) >= 0
  return h.version === formatVersion && h.root === root && counts && Array.isArray(h.lengths) && h.lengths.length === 7 && h.lengths.every((n) => Number.isInteger(n) && n >= 0)
}

function isDirRows(value: unknown): value is DirRow[] {
  return Array.isArray(value) && value.every((d) => Array.isArray(d) && d.length === 3 && typeof d[0] === 'string' && isNumber(d[1]) && isNumber(d[2]))
}

/** Reads the saved index of `root`; null when there is none or it cannot be trusted (cut short, foreign, malformed). */
export function loadSearchIndex(file: string, root: string): SavedIndex | null {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(file)
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return null
  }
  try {
    if (bytes.length < magic.length + 4 || !bytes.subarray(0, magic.length).equals(magic)) return null
    const headerLength = bytes.readUInt32LE(magic.length)
    let at = magic.length + 4
    const header: unknown = JSON.parse(bytes.toString('utf8', at, at + headerLength))
    if (!isHeader(header, root)) return null
    at += headerLength
    const { docCount, termCount, lengths } = header
    if (at + lengths.reduce((a, b) => a + b, 0) !== bytes.length) return null
    const part = (i: number): Buffer => bytes.subarray(at + lengths.slice(0, i).reduce((a, b) => a + b, 0), at + lengths.slice(0, i + 1).reduce((a, b) => a + b, 0))
    const [stampBytes, pathBytes, titleBytes, dirBytes, termBytes, offsetBytes, postings] = [0, 1, 2, 3, 4, 5, 6].map(part)
    if (stampBytes.length !== docCount * 24 || offsetBytes.length !== (termCount + 1) * 4) return null
    const stamps = new Float64Array(docCount * 3)
    for (let i = 0; i < stamps.length; i++) stamps[i] = stampBytes.readDoubleLE(i * 8)
    const paths = docCount === 0 ? [] : pathBytes.toString('utf8').split('\0')
    const terms = termCount === 0 ? [] : termBytes.toString('utf8').split('\0')
    const dirs: unknown = JSON.parse(dirBytes.toString('utf8'))
    if (paths.length !== docCount || terms.length !== termCount || !isDirRows(dirs)) return null
    const offsets = new Uint32Array(termCount + 1)
    for (let i = 0; i <= termCount; i++) offsets[i] = offsetBytes.readUInt32LE(i * 4)
    for (let i = 0; i < termCount; i++) if (offsets[i] > offsets[i + 1]) return null
    if (offsets[termCount] > postings.length) return null
    return { paths, stamps, titlesJson: titleBytes.toString('utf8'), dirs, terms, offsets, postings }
  } catch (error) {
    // NOTE: a file cut short or altered: a bad JSON part, or a read past the end.
    if (error instanceof SyntaxError || error instanceof RangeError) return null
    throw error
  }
}

/** The document ids of word `i` (ascending); null when its bytes are malformed. */
function postingsOf(saved: SavedIndex, i: number): number[] | null {
  const { postings, offsets } = saved
  const docCount = saved.paths.length
  const end = offsets[i + 1]
  const ids: number[] = []
  let id = -1
  for (let at = offsets[i]; at < end; ) {
    let gap = 0
    let shift = 0
    let byte: number
    do {
      if (at >= end || shift > 28) return null
      byte = postings[at++]
      gap |= (byte & 0x7f) << shift
      shift += 7
    } while (byte >= 0x80)
    id += gap
    if (gap === 0 || id >= docCount) return null
    ids.push(id)
  }
  return ids
}

/** Ids of the documents holding every term (the last one as a word's start), as TermIndex.match; null if malformed. */
function matchSaved(saved: SavedIndex, terms: readonly string[]): number[] | null {
  const words = saved.terms
  let result: Set<number> | null = null
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]
    const ids = new Set<number>()
    let lo = 0
    let hi = words.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (words[mid] < term) lo = mid + 1
      else hi = mid
    }
    const isPrefix = t === terms.length - 1
    for (let i = lo; i < words.length && (isPrefix ? words[i].startsWith(term) : words[i] === term); i++) {
      const list = postingsOf(saved, i)
      if (list === null) return null
      for (const id of list) if (result === null || result.has(id)) ids.add(id)
    }
    result = ids
    if (result.size === 0) return []
  }
  return [...(result ?? [])]
}

function parsedOrNull(json: string): unknown {
  try {
    return JSON.parse(json)
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    return null
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
 * Lists the articles under the folder `rel` of `root` with the listing's rules (entryKind), recording each folder's
 * stamp taken before its entries are read (so a change made while listing shows as a change next time).
 */
function listUnder(root: string, rel: string, files: string[], dirs: DirRow[]): void {
  const scope = siteRulesForFolderSync(root).articleScope
  const pending = [rel]
  while (pending.length > 0) {
    const dir = pending.pop() as string
    const abs = dir === '' ? root : absOf(root, dir)
    const stats = lstatOrNull(abs)
    if (stats === null || !stats.isDirectory()) continue
    const entries = entriesOrNull(abs)
    if (entries === null) continue
    dirs.push([dir, stats.mtimeMs, stats.ctimeMs])
    for (const entry of entries) {
      const child = dir === '' ? entry.name : `${dir}/${entry.name}`
      const kind = entryKind(entry, child, scope)
      if (kind === 'folder') pending.push(child)
      else if (kind === 'article') files.push(child)
    }
  }
}

/**
 * Reads every article of `root` (confined, as the scan) and saves its words, titles and stamps to `file`; false when
 * it could not be written (the index is optional) or would lie inside the folder.
 */
export async function saveSearchIndex(file: string, root: string): Promise<boolean> {
  if (isInsideFolder(file, root)) return false
  const files: string[] = []
  const dirs: DirRow[] = []
  listUnder(root, '', files, dirs)
  const index = new TermIndex()
  const paths: string[] = []
  const stamps: number[] = []
  const titles: (string | null)[] = []
  let titleOf: ((text: string) => string | null) | null = null
  for (const rel of files) {
    const abs = absOf(root, rel)
    const stats = lstatOrNull(abs)
    const read = readForScan(abs, root)
    // NOTE: a file skipped (too large, unreadable) is not saved: it is looked at again, and named, by every search.
    // The stamp is taken before the read: a file changed in between is read again by the next search.
    if (stats === null || read.kind !== 'bytes') continue
    const text = textOf(read.bytes)
    titleOf ??= (await import('./article-record')).titleOf
    index.add(rel, text)
    paths.push(rel)
    stamps.push(stats.size, stats.mtimeMs, stats.ctimeMs)
    titles.push(titleOf(text))
  }
  const terms: string[] = []
  const offsets: number[] = [0]
  const postings: number[] = []
  for (const [term, ids] of [...index.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    let last = -1
    for (const id of ids) {
      let gap = id - last
      last = id
      while (gap >= 0x80) {
        postings.push((gap & 0x7f) | 0x80)
        gap >>>= 7
      }
      postings.push(gap)
    }
    terms.push(term)
    offsets.push(postings.length)
  }
  const stampBytes = Buffer.alloc(stamps.length * 8)
  stamps.forEach((v, i) => stampBytes.writeDoubleLE(v, i * 8))
  const offsetBytes = Buffer.alloc(offsets.length * 4)
  offsets.forEach((v, i) => offsetBytes.writeUInt32LE(v, i * 4))
  const parts = [stampBytes, Buffer.from(paths.join('\0')), Buffer.from(JSON.stringify(titles)), Buffer.from(JSON.stringify(dirs)), Buffer.from(terms.join('\0')), offsetBytes, Buffer.from(postings)]
  const header: Header = { version: formatVersion, root, docCount: paths.length, termCount: terms.length, lengths: parts.map((p) => p.length) }
  const headerBytes = Buffer.from(JSON.stringify(header))
  const head = Buffer.alloc(4)
  head.writeUInt32LE(headerBytes.length)
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return false
  }
  return (await writeFileAtomic(file, Buffer.concat([magic, head, headerBytes, ...parts]))).ok
}

/** What checking a saved index against the folder found: documents still valid, and files to read again. */
interface Freshness {
  valid: Uint8Array
  toScan: string[]
}

/** Checks each saved folder and file by its stamp: changed folders are listed again, changed or new files read. */
function freshness(root: string, saved: SavedIndex, valid: Uint8Array, toScan: string[]): Freshness {
  const { paths, dirs } = saved
  const changedDirs = dirs.filter(([rel, mtimeMs, ctimeMs]) => {
    const stats = lstatOrNull(rel === '' ? root : absOf(root, rel))
    return stats === null || !stats.isDirectory() || stats.mtimeMs !== mtimeMs || stats.ctimeMs !== ctimeMs
  })
  if (changedDirs.length === 0) return { valid, toScan }
  const scope = siteRulesForFolderSync(root).articleScope
  const known = new Set(paths)
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
      else if (kind === 'folder' && !knownDirs.has(child)) listUnder(root, child, toScan, [])
    }
  }
  return { valid, toScan }
}

/** Every saved file checked by its stamp (see checkStamps) and every saved folder by its own (see freshness). */
function checkedStamps(root: string, saved: SavedIndex): Freshness {
  const changed: string[] = []
  return freshness(root, saved, checkStamps(root, saved.paths, saved.stamps, 0, saved.paths.length, changed), changed)
}

/**
 * The answer from the saved search index of `root` in `cacheDir`, with every file changed since read again (by the
 * scan); null when there is no index to trust (the caller scans the folder). With `saveIndex`, the index is made
 * (or made again) first, from a full read of the folder; the answer says when it could not be saved.
 */
export async function searchWithSavedIndex(
  root: string,
  cacheDir: string,
  query: string,
  terms: readonly string[],
  limit: number,
  scan: (rels: string[]) => Promise<Result<FolderScan>>,
  saveIndex = false,
): Promise<Result<SearchResults> | null> {
  const file = searchIndexFile(cacheDir, root)
  // NOTE: Folio adds no file to a content folder: a cache folder set inside it is not used.
  if (isInsideFolder(file, root)) return null
  if (saveIndex && !(await saveSearchIndex(file, root))) return null
  const saved = loadSearchIndex(file, root)
  if (saved === null) return null
  const ids = matchSaved(saved, terms)
  if (ids === null) return null
  // NOTE: sharing the stamp check with a worker thread was tried: its start-up cost more than it saved (50k files).
  const { valid, toScan } = checkedStamps(root, saved)
  const patterns = titlePatterns(terms)
  const fromIndex: RankedHit[] = []
  const live = ids.filter((id) => valid[id] === 1)
  const titles = live.length === 0 ? [] : parsedOrNull(saved.titlesJson)
  if (!Array.isArray(titles) || (live.length > 0 && titles.length !== saved.paths.length)) return null
  for (const id of live) {
    const title: unknown = titles[id]
    if (title !== null && typeof title !== 'string') return null
    fromIndex.push({ path: saved.paths[id], title, snippets: [], isTitleHit: title !== null && patterns.every((p) => p.test(title)) })
  }
  const rescanned = await scan(toScan)
  if (!rescanned.ok) return rescanned
  const best = bestHits(fromIndex.sort(compareRanked).slice(0, limit), rescanned.value.hits, limit)
  const hits = await withSnippets(root, best, terms)
  const results: SearchResults = { query, hits, total: fromIndex.length + rescanned.value.total, isComplete: rescanned.value.scanned === rescanned.value.listed }
  const note = scanNote(rescanned.value)
  if (note !== undefined) results.note = note
  return ok(results)
}

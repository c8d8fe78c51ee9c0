import fs from 'node:fs'
import os from 'node:os'
import { errnoCode } from '../errno'
import type { DirRow } from './folder-walk'

// The saved search index's bytes (see search-cache): a magic line, a JSON header, then columns. NOTE: a search reads
// only what it needs, each column straight into its own typed array: the stamps, paths, folders and words always;
// of the posting lists only the slice of the words it looks for, and the titles only when something matched. Reading
// the whole 13.5 MB file of 50,000 articles and splitting its words into strings cost as much as the search (load 15).
// Documents are sorted by path, so document ids ascend in the search's order.

/** Bumped whenever the format or the words kept change, so an older file is ignored rather than trusted. */
// NOTE: 2: a Hugo site root keeps to its content folders, so a version-1 file may hold README.md or archetypes.
// NOTE: 3: typed columns in this machine's byte order (the header says which), documents sorted by path.
// NOTE: 4: words sorted by their UTF-8 bytes with a column of where each starts, so a search finds them in the bytes.
// NOTE: 5: paths and titles kept as bytes with a column of where each starts, so a search makes a string only of
// the paths and titles it looks at (50,000 path strings kept for the whole search, and the titles' JSON, cost more
// in garbage collection than in reading: a third of the saved-index search's CPU at 50k, load 9).
const formatVersion = 5
const magic = Buffer.from('FOLIO-SEARCH\n', 'latin1')

/** Texts kept as UTF-8 bytes, text i being bytes[starts[i], starts[i + 1]) (see textAt). */
export interface TextColumn {
  bytes: Buffer
  starts: Uint32Array
}

/**
 * What a search reads of a saved index: every document's path and stamp, the folders, and the matching ids.
 * NOTE: the paths and stamps are in shared memory, so a worker thread can check half the stamps (see stamp-check).
 */
export interface SavedIndex {
  count: number
  /** Sorted (by UTF-16 code units, as compareRanked orders paths): see textAt. */
  paths: TextColumn
  /** size, mtimeMs, ctimeMs of each path, in turn. */
  stamps: Float64Array
  dirs: DirRow[]
  /** Ids (ascending, so in path order) of the documents holding every query term, the last one as a word's start. */
  ids: number[]
  /** The titles (see titleAt); read only when `ids` is not empty, else null. */
  titles: TextColumn | null
}

/** Text `i` of `column`. */
export function textAt(column: TextColumn, i: number): string {
  return column.bytes.toString('utf8', column.starts[i], column.starts[i + 1])
}

/** A title that is not there is kept as this one byte, which no UTF-8 text holds. */
const noTitle = 0xff

/** Title `i` of `column`, null when the document has none. */
export function titleAt(column: TextColumn, i: number): string | null {
  const from = column.starts[i]
  if (column.starts[i + 1] === from + 1 && column.bytes[from] === noTitle) return null
  return textAt(column, i)
}

/** What a saved index is made of (paths sorted, each word's ids ascending). */
export interface IndexColumns {
  paths: string[]
  stamps: Float64Array
  titles: (string | null)[]
  dirs: DirRow[]
  words: Iterable<[word: string, ids: Iterable<number>]>
}

/** The columns in file order; those a search always needs come first. */
const columnNames = ['stamps', 'pathStarts', 'paths', 'dirs', 'termStarts', 'terms', 'offsets', 'titleStarts', 'titles', 'postings'] as const

interface Header {
  version: number
  root: string
  endianness: string
  docCount: number
  termCount: number
  lengths: number[]
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

function isHeader(value: unknown, root: string): value is Header {
  if (typeof value !== 'object' || value === null) return false
  const h = value as Partial<Header>
  const counts = Number.isInteger(h.docCount) && Number.isInteger(h.termCount) && (h.docCount ?? -1) >= 0 && (h.termCount ?? -1) >= 0
  const lengths = Array.isArray(h.lengths) && h.lengths.length === columnNames.length && h.lengths.every((n) => Number.isInteger(n) && n >= 0)
  return h.version === formatVersion && h.root === root && h.endianness === os.endianness() && counts && lengths
}

function isDirRows(value: unknown): value is DirRow[] {
  return Array.isArray(value) && value.every((d) => Array.isArray(d) && d.length === 3 && typeof d[0] === 'string' && isNumber(d[1]) && isNumber(d[2]))
}

/** The bytes of a saved index of `root` (see loadSearchIndex); the words are sorted here, by their UTF-8 bytes. */
export function encodeSearchIndex(root: string, columns: IndexColumns): Buffer {
  const words = [...columns.words].map(([word, ids]): [Buffer, Iterable<number>] => [Buffer.from(word), ids]).sort((a, b) => Buffer.compare(a[0], b[0]))
  const termStarts: number[] = [0]
  const offsets: number[] = [0]
  const postings: number[] = []
  for (const [word, ids] of words) {
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
    termStarts.push(termStarts[termStarts.length - 1] + word.length)
    offsets.push(postings.length)
  }
  const typed = (array: Float64Array | Uint32Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength)
  const paths = textColumn(columns.paths.map((p) => Buffer.from(p)))
  const titles = textColumn(columns.titles.map((t) => (t === null ? Buffer.of(noTitle) : Buffer.from(t))))
  const parts = [
    typed(columns.stamps),
    typed(paths.starts),
    paths.bytes,
    Buffer.from(JSON.stringify(columns.dirs)),
    typed(Uint32Array.from(termStarts)),
    Buffer.concat(words.map(([word]) => word)),
    typed(Uint32Array.from(offsets)),
    typed(titles.starts),
    titles.bytes,
    Buffer.from(postings),
  ]
  const header: Header = { version: formatVersion, root, endianness: os.endianness(), docCount: columns.paths.length, termCount: words.length, lengths: parts.map((p) => p.length) }
  const headerBytes = Buffer.from(JSON.stringify(header))
  const head = Buffer.alloc(4)
  head.writeUInt32LE(headerBytes.length)
  return Buffer.concat([magic, head, headerBytes, ...parts])
}

/** The column of `texts` in turn. */
function textColumn(texts: readonly Buffer[]): TextColumn {
  const starts = new Uint32Array(texts.length + 1)
  for (let i = 0; i < texts.length; i++) starts[i + 1] = starts[i] + texts[i].length
  return { bytes: Buffer.concat(texts), starts }
}

/** Fills `into` from `fd` at `position`; false when the file ends first. */
function readAt(fd: number, into: Uint8Array | Float64Array | Uint32Array, position: number): boolean {
  let done = 0
  while (done < into.byteLength) {
    const n = fs.readSync(fd, into, done, into.byteLength - done, position + done)
    if (n === 0) return false
    done += n
  }
  return true
}

/** True when `values` never decreases, starts at 0 and ends at `end`. */
function isRising(values: Uint32Array, end: number): boolean {
  if (values[0] !== 0 || values[values.length - 1] !== end) return false
  for (let i = 1; i < values.length; i++) if (values[i - 1] > values[i]) return false
  return true
}

/** The words column and where each word starts in it (word i is terms[starts[i], starts[i + 1])). */
interface Words {
  terms: Buffer
  starts: Uint32Array
  count: number
}

/** The first word not before `key` in byte order (count when none). */
function firstAtOrAfter(words: Words, key: Buffer): number {
  let lo = 0
  let hi = words.count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (words.terms.compare(key, 0, key.length, words.starts[mid], words.starts[mid + 1]) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** True when word `i` starts with `key` (and, unless `isPrefix`, is `key`). */
function wordHas(words: Words, i: number, key: Buffer, isPrefix: boolean): boolean {
  const from = words.starts[i]
  const length = words.starts[i + 1] - from
  if (isPrefix ? length < key.length : length !== key.length) return false
  return words.terms.compare(key, 0, key.length, from, from + key.length) === 0
}

/**
 * The ids in the posting lists `bytes` (the lists of words [lo, hi) in turn, `offsets` relative to the first),
 * ascending and each once; null when the bytes are malformed. NOTE: one word's list is ascending already, so a word
 * (or a prefix held by one word) needs no sorting; the lists of several words are merged by a typed-array sort.
 */
function idsOf(bytes: Uint8Array, offsets: Uint32Array, lo: number, hi: number, docCount: number): Uint32Array | null {
  const base = offsets[lo]
  const ids = new Uint32Array(bytes.length)
  let count = 0
  for (let w = lo; w < hi; w++) {
    const end = offsets[w + 1] - base
    let id = -1
    for (let at = offsets[w] - base; at < end; ) {
      let gap = 0
      let shift = 0
      let byte: number
      do {
        if (at >= end || shift > 28) return null
        byte = bytes[at++]
        gap |= (byte & 0x7f) << shift
        shift += 7
      } while (byte >= 0x80)
      id += gap
      if (gap === 0 || id >= docCount) return null
      ids[count++] = id
    }
  }
  const found = ids.subarray(0, count)
  if (hi - lo <= 1) return found
  found.sort()
  let kept = 0
  for (let i = 0; i < count; i++) if (i === 0 || found[i] !== found[i - 1]) found[kept++] = found[i]
  return found.subarray(0, kept)
}

/** The ids in both ascending lists. */
function bothOf(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length))
  let n = 0
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] < b[j]) i++
    else if (a[i] > b[j]) j++
    else {
      out[n++] = a[i]
      i++
      j++
    }
  }
  return out.subarray(0, n)
}

/** The ids of the documents holding every term (the last as a word's start), as TermIndex.match; null if malformed. */
function matchedIds(fd: number, words: Words, offsets: Uint32Array, postingsAt: number, docCount: number, terms: readonly string[]): number[] | null {
  let result: Uint32Array | null = null
  for (let t = 0; t < terms.length; t++) {
    const key = Buffer.from(terms[t])
    const isPrefix = t === terms.length - 1
    const lo = firstAtOrAfter(words, key)
    let hi = lo
    while (hi < words.count && wordHas(words, hi, key, isPrefix)) hi++
    const bytes = new Uint8Array(offsets[hi] - offsets[lo])
    if (!readAt(fd, bytes, postingsAt + offsets[lo])) return null
    const ids = idsOf(bytes, offsets, lo, hi, docCount)
    if (ids === null) return null
    result = result === null ? ids : bothOf(result, ids)
    if (result.length === 0) return []
  }
  return result === null ? [] : Array.from(result)
}

/** Where each column starts in the file, and where the file ends. */
function columnPlaces(lengths: readonly number[], from: number): { at: number[]; end: number } {
  const at: number[] = []
  let end = from
  for (const length of lengths) {
    at.push(end)
    end += length
  }
  return { at, end }
}

/** Memory a worker thread can read too (see SavedIndex). */
const shared = (byteLength: number): SharedArrayBuffer => new SharedArrayBuffer(byteLength)

/** Reads the column of `count` texts whose starts are at `startsAt` and bytes at `bytesAt`; null when malformed. */
function readTextColumn(fd: number, count: number, startsAt: number, bytesAt: number, byteLength: number, isShared: boolean): TextColumn | null {
  const starts = new Uint32Array(isShared ? shared((count + 1) * 4) : new ArrayBuffer((count + 1) * 4))
  // NOTE: not zero-filled: read whole or refused.
  const bytes = isShared ? Buffer.from(shared(byteLength)) : Buffer.allocUnsafe(byteLength)
  if (!readAt(fd, starts, startsAt) || !readAt(fd, bytes, bytesAt) || !isRising(starts, byteLength)) return null
  return { bytes, starts }
}

/** Reads what a search for `terms` needs of the open index file `fd` (see loadSearchIndex). */
function readIndex(fd: number, root: string, terms: readonly string[], onCount: (count: number) => void): SavedIndex | null {
  const size = fs.fstatSync(fd).size
  const lead = new Uint8Array(magic.length + 4)
  if (!readAt(fd, lead, 0) || !Buffer.from(lead.buffer, 0, magic.length).equals(magic)) return null
  const headerLength = Buffer.from(lead.buffer).readUInt32LE(magic.length)
  const headerBytes = Buffer.alloc(headerLength)
  if (!readAt(fd, headerBytes, lead.length)) return null
  const header: unknown = JSON.parse(headerBytes.toString('utf8'))
  if (!isHeader(header, root)) return null
  const { docCount, termCount, lengths } = header
  const { at, end } = columnPlaces(lengths, lead.length + headerLength)
  const [stampLength, pathStartLength, pathLength, dirLength, startLength, termLength, offsetLength, titleStartLength, titleLength, postingLength] = lengths
  const startsLength = (n: number): number => (n + 1) * 4
  if (end !== size || stampLength !== docCount * 24 || pathStartLength !== startsLength(docCount) || titleStartLength !== startsLength(docCount)) return null
  if (startLength !== startsLength(termCount) || offsetLength !== startsLength(termCount)) return null
  onCount(docCount)
  const stamps = new Float64Array(shared(docCount * 24))
  const dirBytes = Buffer.allocUnsafe(dirLength)
  const starts = new Uint32Array(termCount + 1)
  const termBytes = Buffer.allocUnsafe(termLength)
  const offsets = new Uint32Array(termCount + 1)
  const fixed: [Uint8Array | Float64Array | Uint32Array, number][] = [[stamps, 0], [dirBytes, 3], [starts, 4], [termBytes, 5], [offsets, 6]]
  if (!fixed.every(([column, i]) => readAt(fd, column, at[i]))) return null
  if (!isRising(starts, termLength) || !isRising(offsets, postingLength)) return null
  const paths = readTextColumn(fd, docCount, at[1], at[2], pathLength, true)
  const dirs: unknown = JSON.parse(dirBytes.toString('utf8'))
  if (paths === null || !isDirRows(dirs)) return null
  const ids = matchedIds(fd, { terms: termBytes, starts, count: termCount }, offsets, at[9], docCount, terms)
  if (ids === null) return null
  const titles = ids.length === 0 ? null : readTextColumn(fd, docCount, at[7], at[8], titleLength, false)
  if (ids.length > 0 && titles === null) return null
  return { count: docCount, paths, stamps, dirs, ids, titles }
}

/**
 * Reads the saved index of `root` for a search of `terms` (see SavedIndex); null when there is none or it cannot be
 * trusted (cut short, grown, foreign, of another version or byte order, malformed where it was read). `onCount` is
 * told the number of documents as soon as the header is read (before the columns).
 */
export function loadSearchIndex(file: string, root: string, terms: readonly string[], onCount: (count: number) => void = () => undefined): SavedIndex | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    if (errnoCode(error) === undefined) throw error
    return null
  }
  try {
    return readIndex(fd, root, terms, onCount)
  } catch (error) {
    // NOTE: a file altered: a bad JSON part, or a read it cannot give.
    if (error instanceof SyntaxError || error instanceof RangeError || errnoCode(error) !== undefined) return null
    throw error
  } finally {
    fs.closeSync(fd)
  }
}

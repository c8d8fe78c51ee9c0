import fs from 'node:fs'
import os from 'node:os'
import { errnoCode } from '../errno'
import type { DirRow } from './folder-walk'

// The saved search index's bytes (see search-cache): a magic line, a JSON header, then columns. NOTE: the columns
// are loaded as they lie (stamps and word offsets as typed arrays over one copy, paths and words as one separated
// text each, titles parsed only when a search has matches): loading 50,000 rows of JSON, or reading numbers one by
// one, cost more than the search. Documents are sorted by path, so document ids ascend in the search's order.

/** Bumped whenever the format or the words kept change, so an older file is ignored rather than trusted. */
// NOTE: 2: a Hugo site root keeps to its content folders, so a version-1 file may hold README.md or archetypes.
// NOTE: 3: typed columns in this machine's byte order (the header says which), documents sorted by path.
const formatVersion = 3
const magic = Buffer.from('FOLIO-SEARCH\n', 'latin1')

/** A loaded search index. */
export interface SavedIndex {
  /** Sorted (by UTF-16 code units, as compareRanked orders paths). */
  paths: string[]
  /** size, mtimeMs, ctimeMs of each path, in turn. */
  stamps: Float64Array
  titlesJson: string
  dirs: DirRow[]
  /** The words, sorted; word i's document ids are varint gaps at postings[offsets[i], offsets[i + 1]). */
  terms: string[]
  offsets: Uint32Array
  postings: Uint8Array
}

/** What a saved index is made of (paths sorted, each word's ids ascending). */
export interface IndexColumns {
  paths: string[]
  stamps: Float64Array
  titles: (string | null)[]
  dirs: DirRow[]
  words: Iterable<[word: string, ids: Iterable<number>]>
}

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
  const lengths = Array.isArray(h.lengths) && h.lengths.length === 7 && h.lengths.every((n) => Number.isInteger(n) && n >= 0)
  return h.version === formatVersion && h.root === root && h.endianness === os.endianness() && counts && lengths
}

function isDirRows(value: unknown): value is DirRow[] {
  return Array.isArray(value) && value.every((d) => Array.isArray(d) && d.length === 3 && typeof d[0] === 'string' && isNumber(d[1]) && isNumber(d[2]))
}

/** The bytes of a saved index of `root` (see loadSearchIndex). */
export function encodeSearchIndex(root: string, columns: IndexColumns): Buffer {
  const terms: string[] = []
  const offsets: number[] = [0]
  const postings: number[] = []
  for (const [word, ids] of columns.words) {
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
    terms.push(word)
    offsets.push(postings.length)
  }
  const typed = (array: Float64Array | Uint32Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength)
  const parts = [typed(columns.stamps), Buffer.from(columns.paths.join('\0')), Buffer.from(JSON.stringify(columns.titles)), Buffer.from(JSON.stringify(columns.dirs)), Buffer.from(terms.join('\0')), typed(Uint32Array.from(offsets)), Buffer.from(postings)]
  const header: Header = { version: formatVersion, root, endianness: os.endianness(), docCount: columns.paths.length, termCount: terms.length, lengths: parts.map((p) => p.length) }
  const headerBytes = Buffer.from(JSON.stringify(header))
  const head = Buffer.alloc(4)
  head.writeUInt32LE(headerBytes.length)
  return Buffer.concat([magic, head, headerBytes, ...parts])
}

/** A copy of `bytes` on its own (aligned) memory, for a typed array over it. */
function aligned(bytes: Buffer): ArrayBuffer {
  const copy = new Uint8Array(bytes.length)
  copy.set(bytes)
  return copy.buffer
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
    const parts = lengths.map((length) => bytes.subarray(at, (at += length)))
    const [stampBytes, pathBytes, titleBytes, dirBytes, termBytes, offsetBytes, postings] = parts
    if (stampBytes.length !== docCount * 24 || offsetBytes.length !== (termCount + 1) * 4) return null
    const paths = docCount === 0 ? [] : pathBytes.toString('utf8').split('\0')
    const terms = termCount === 0 ? [] : termBytes.toString('utf8').split('\0')
    const dirs: unknown = JSON.parse(dirBytes.toString('utf8'))
    if (paths.length !== docCount || terms.length !== termCount || !isDirRows(dirs)) return null
    const offsets = new Uint32Array(aligned(offsetBytes))
    for (let i = 0; i < termCount; i++) if (offsets[i] > offsets[i + 1]) return null
    if (offsets[termCount] > postings.length) return null
    return { paths, stamps: new Float64Array(aligned(stampBytes)), titlesJson: titleBytes.toString('utf8'), dirs, terms, offsets, postings }
  } catch (error) {
    // NOTE: a file cut short or altered: a bad JSON part, or a read past the end.
    if (error instanceof SyntaxError || error instanceof RangeError) return null
    throw error
  }
}

/** Adds the document ids of word `i` to `into` (only those in `within`, when given); false when its bytes are malformed. */
function addPostings(saved: SavedIndex, i: number, into: Set<number>, within: Set<number> | null): boolean {
  const { postings, offsets } = saved
  const docCount = saved.paths.length
  const end = offsets[i + 1]
  let id = -1
  for (let at = offsets[i]; at < end; ) {
    let gap = 0
    let shift = 0
    let byte: number
    do {
      if (at >= end || shift > 28) return false
      byte = postings[at++]
      gap |= (byte & 0x7f) << shift
      shift += 7
    } while (byte >= 0x80)
    id += gap
    if (gap === 0 || id >= docCount) return false
    if (within === null || within.has(id)) into.add(id)
  }
  return true
}

/** Ids (ascending, so in path order) of the documents holding every term, the last one as a word's start, as TermIndex.match; null if malformed. */
export function matchSaved(saved: SavedIndex, terms: readonly string[]): number[] | null {
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
      if (!addPostings(saved, i, ids, result)) return null
    }
    result = ids
    if (result.size === 0) return []
  }
  return [...(result ?? [])].sort((a, b) => a - b)
}

/** Calls `visit` with each lower-cased word of `text`: runs of ASCII letters/digits and any non-ASCII letters. */
export function forEachTerm(text: string, visit: (term: string) => void): void {
  let start = -1
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32
    const isWordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && !isNonAsciiSeparator(c))
    if (isWordChar) {
      if (start === -1) start = i
    } else if (start !== -1) {
      if (i - start <= 64) visit(text.slice(start, i).toLowerCase())
      start = -1
    }
  }
}

function isNonAsciiSeparator(c: number): boolean {
  return c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x206f) || c === 0x85
}

/** The words of a query, lower-cased, in order, without repeats. */
export function queryTerms(query: string): string[] {
  const terms: string[] = []
  forEachTerm(query, (t) => {
    if (!terms.includes(t)) terms.push(t)
  })
  return terms
}

/**
 * One word's document ids, ascending, stored as varint-encoded gaps (ids are dense, so most gaps take one byte:
 * about a quarter of an Int32Array's memory). `from` is the id the first gap counts from (the last id already packed
 * for the word, see TermIndex.compact), so these bytes continue the packed ones.
 */
class Postings {
  bytes = new Uint8Array(4)
  size = 0
  count = 0
  last: number

  constructor(readonly from = -1) {
    this.last = from
  }

  add(id: number): void {
    if (id === this.last) return
    let gap = id - this.last
    this.last = id
    this.count++
    if (this.size + 5 > this.bytes.length) {
      const grown = new Uint8Array(Math.max(8, this.bytes.length * 2))
      grown.set(this.bytes.subarray(0, this.size))
      this.bytes = grown
    }
    while (gap >= 0x80) {
      this.bytes[this.size++] = (gap & 0x7f) | 0x80
      gap >>>= 7
    }
    this.bytes[this.size++] = gap
  }
}

/** Decodes `count` varint gaps of `bytes` from `at` into `out` from `n`, the first counting from `id`; returns the last id. */
function decodeGaps(bytes: Uint8Array, at: number, count: number, id: number, out: Int32Array, n: number): number {
  for (let end = n + count; n < end; n++) {
    let gap = 0
    let shift = 0
    let byte: number
    do {
      byte = bytes[at++]
      gap |= (byte & 0x7f) << shift
      shift += 7
    } while (byte >= 0x80)
    id += gap
    out[n] = id
  }
  return id
}

function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length))
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]
    const y = b[j]
    if (x === y) {
      out[n++] = x
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return out.subarray(0, n)
}

/** The ids in any of `lists`, ascending; ids are below `idLimit`. NOTE: a byte per possible id, not a Set of them. */
function union(lists: Int32Array[], idLimit: number): Int32Array {
  if (lists.length === 1) return lists[0]
  const marks = new Uint8Array(idLimit)
  let count = 0
  for (const list of lists) {
    for (const id of list) {
      count += 1 - marks[id]
      marks[id] = 1
    }
  }
  const out = new Int32Array(count)
  let n = 0
  for (let id = 0; id < idLimit && n < count; id++) if (marks[id] === 1) out[n++] = id
  return out
}

/** FNV-1a over UTF-16 code units. */
const fnvOffset = 0x811c9dc5
const fnvPrime = 0x01000193

function hashOf(term: string): number {
  let h = fnvOffset
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), fnvPrime)
  return h >>> 0
}

/** The index packs itself (see compact) after this many documents added, or once this many words have ids since. */
const compactEvery = 2048
const maxTails = 4096

/**
 * An inverted index from words to document ids (ids grow as documents are added, so posting lists stay sorted).
 * A document that changes gets a new id; the old one is marked dead. Memory: about 1-2 bytes per distinct word per
 * document once compacted.
 * NOTE: compacted, every word's ids lie in one shared buffer (with three numbers a word in typed arrays): a growing
 * list per word is an object, a Uint8Array, an ArrayBuffer and a malloc'd block, ~6 MB of overhead for the ~26,000
 * words of 25,000 articles, kept for the session, and the blocks left the worker's malloc arena fragmented. Only
 * words given ids since (an update) have a growing list (a tail), which continues the packed bytes.
 * NOTE: adding a document makes no string for a word already known: words are looked up by their characters in
 * the text (lower-cased on the fly when ASCII) in an open-addressing table, so indexing 50,000 articles does not
 * make and drop tens of millions of short strings.
 */
export class TermIndex {
  private readonly termTexts: string[] = []
  private readonly termHashes: number[] = []
  /** Word t's packed ids: bytes packedAt[t] to packedAt[t + 1] of `packed`, packedCount[t] of them, the last packedLast[t]. */
  private packed = new Uint8Array(0)
  private packedAt = new Int32Array(1)
  private packedCount = new Int32Array(0)
  private packedLast = new Int32Array(0)
  /** The ids added to a word since the last compact, by word id. */
  private readonly tails = new Map<number, Postings>()
  private addedSinceCompact = 0
  private slots = new Int32Array(1024)
  private sortedTerms: string[] | null = null
  private readonly dead = new Set<number>()
  private nextId = 0

  /** Adds a document made of `parts` (e.g. its path and its text, without joining them); returns its id. */
  add(...parts: string[]): number {
    const id = this.nextId++
    for (const part of parts) this.addWords(part, id)
    // NOTE: during a bulk build too, so the growing lists (and their spare capacity) stay few.
    if (++this.addedSinceCompact >= compactEvery || (this.packedCount.length > 0 && this.tails.size > maxTails)) this.compact()
    return id
  }

  /** Packs every word's ids into one buffer (after a bulk build; see the class's note). */
  compact(): void {
    const words = this.termTexts.length
    const before = this.packedCount.length
    let size = this.packedAt[before]
    for (const tail of this.tails.values()) size += tail.size
    const bytes = new Uint8Array(size)
    const at = new Int32Array(words + 1)
    const count = new Int32Array(words)
    const last = new Int32Array(words).fill(-1)
    let end = 0
    for (let t = 0; t < words; t++) {
      at[t] = end
      if (t < before) {
        bytes.set(this.packed.subarray(this.packedAt[t], this.packedAt[t + 1]), end)
        end += this.packedAt[t + 1] - this.packedAt[t]
        count[t] = this.packedCount[t]
        last[t] = this.packedLast[t]
      }
      const tail = this.tails.get(t)
      if (tail === undefined) continue
      // NOTE: the tail's first gap counts from the packed last id, so its bytes simply follow.
      bytes.set(tail.bytes.subarray(0, tail.size), end)
      end += tail.size
      count[t] += tail.count
      last[t] = tail.last
    }
    at[words] = end
    this.packed = bytes
    this.packedAt = at
    this.packedCount = count
    this.packedLast = last
    this.tails.clear()
    this.addedSinceCompact = 0
  }

  /** Every word with the ids of the live documents holding it, ascending (for saving the index; see search-cache). */
  *entries(): Generator<[term: string, ids: Int32Array]> {
    for (let termId = 0; termId < this.termTexts.length; termId++) {
      const ids = this.idsOf(termId)
      yield [this.termTexts[termId], this.dead.size === 0 ? ids : ids.filter((id) => !this.dead.has(id))]
    }
  }

  /** Forgets a document id. */
  remove(id: number): void {
    this.dead.add(id)
  }

  /** Ids of live documents holding every term (the last one as a prefix), ascending. */
  match(terms: readonly string[]): number[] {
    if (terms.length === 0) return []
    let result: Int32Array | null = null
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]
      const ids = i === terms.length - 1 ? this.prefixIds(term) : this.idsOfTerm(term)
      result = result === null ? ids : intersect(result, ids)
      if (result.length === 0) return []
    }
    const out: number[] = []
    for (const id of result ?? []) if (!this.dead.has(id)) out.push(id)
    return out
  }

  private idsOfTerm(term: string): Int32Array {
    const termId = this.findString(term, hashOf(term))
    return termId === -1 ? new Int32Array(0) : this.idsOf(termId)
  }

  /** Word `termId`'s ids, ascending: the packed ones, then its tail's. */
  private idsOf(termId: number): Int32Array {
    const isPacked = termId < this.packedCount.length
    const packedCount = isPacked ? this.packedCount[termId] : 0
    const tail = this.tails.get(termId)
    const out = new Int32Array(packedCount + (tail?.count ?? 0))
    if (packedCount > 0) decodeGaps(this.packed, this.packedAt[termId], packedCount, -1, out, 0)
    if (tail !== undefined) decodeGaps(tail.bytes, 0, tail.count, tail.from, out, packedCount)
    return out
  }

  private addId(termId: number, id: number): void {
    let tail = this.tails.get(termId)
    if (tail === undefined) {
      tail = new Postings(termId < this.packedCount.length ? this.packedLast[termId] : -1)
      this.tails.set(termId, tail)
    }
    tail.add(id)
  }

  private prefixIds(prefix: string): Int32Array {
    if (this.sortedTerms === null) this.sortedTerms = [...this.termTexts].sort()
    const sorted = this.sortedTerms
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((sorted[mid]) < prefix) lo = mid + 1
      else hi = mid
    }
    const lists: Int32Array[] = []
    for (let i = lo; i < sorted.length && (sorted[i]).startsWith(prefix); i++) lists.push(this.idsOfTerm(sorted[i]))
    return lists.length === 0 ? new Int32Array(0) : union(lists, this.nextId)
  }

  /** The words of `text` (see forEachTerm), each added to document `id`'s postings. */
  private addWords(text: string, id: number): void {
    let start = -1
    let hash = fnvOffset
    let isAscii = true
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32
      const isWordChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && !isNonAsciiSeparator(c))
      if (isWordChar) {
        if (start === -1) {
          start = i
          hash = fnvOffset
          isAscii = true
        }
        if (c > 127) isAscii = false
        else hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), fnvPrime)
      } else if (start !== -1) {
        if (i - start <= 64) this.addId(this.termIdIn(text, start, i, isAscii, hash >>> 0), id)
        start = -1
      }
    }
  }

  /** The id of the lower-cased word text[from, to), added if new. */
  private termIdIn(text: string, from: number, to: number, isAscii: boolean, asciiHash: number): number {
    if (!isAscii) {
      const term = text.slice(from, to).toLowerCase()
      const hash = hashOf(term)
      const known = this.findString(term, hash)
      return known === -1 ? this.insert(detachedTerm(term), hash) : known
    }
    const mask = this.slots.length - 1
    for (let slot = asciiHash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]
      if (entry === 0) return this.insert(detachedTerm(text.slice(from, to).toLowerCase()), asciiHash)
      const termId = entry - 1
      if (this.termHashes[termId] === asciiHash && isSameAsciiWord(this.termTexts[termId], text, from, to)) return termId
    }
  }

  private findString(term: string, hash: number): number {
    const mask = this.slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]
      if (entry === 0) return -1
      const termId = entry - 1
      if (this.termHashes[termId] === hash && this.termTexts[termId] === term) return termId
    }
  }

  private insert(term: string, hash: number): number {
    const termId = this.termTexts.length
    this.termTexts.push(term)
    this.termHashes.push(hash)
    this.sortedTerms = null
    // NOTE: kept at most half full, so probes stay short.
    if ((termId + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2)
    else this.place(termId)
    return termId
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size)
    for (let termId = 0; termId < this.termTexts.length; termId++) this.place(termId)
  }

  private place(termId: number): void {
    const mask = this.slots.length - 1
    let slot = (this.termHashes[termId]) & mask
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask
    this.slots[slot] = termId + 1
  }
}

/** True when `term` (lower-case) is the ASCII word text[from, to) lower-cased. */
function isSameAsciiWord(term: string | undefined, text: string, from: number, to: number): boolean {
  if (term === undefined || term.length !== to - from) return false
  for (let i = 0; i < term.length; i++) {
    const c = text.charCodeAt(from + i)
    if (term.charCodeAt(i) !== (c >= 65 && c <= 90 ? c + 32 : c)) return false
  }
  return true
}

/** A copy of a word that does not keep the document's text alive (V8 substrings share memory). */
function detachedTerm(term: string): string {
  return (' ' + term).slice(1)
}

import { diffArrays } from 'diff'
import type { TextFormat } from '@shared/api'
import { fail, ok, type Result } from '@shared/result'
import { textProblemOf } from './text-problem'

type Eol = '\n' | '\r\n' | '\r'

/** A line of a file: its content and the break that ends it ('' for a last line without one). */
interface Line {
  content: string
  eol: Eol | ''
}

const BOM = [0xef, 0xbb, 0xbf]
const eolChars: Record<Exclude<TextFormat['eol'], 'mixed'>, Eol> = { lf: '\n', crlf: '\r\n', cr: '\r' }
// NOTE: past this many changed lines the line diff gives up and new breaks get the dominant kind.
const MAX_EDIT_LENGTH = 2000

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b)
}

function splitLines(raw: string): Line[] {
  const lines: Line[] = []
  const re = /\r\n|\r|\n/g
  let start = 0
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) {
    lines.push({ content: raw.slice(start, m.index), eol: m[0] as Eol })
    start = m.index + m[0].length
  }
  lines.push({ content: raw.slice(start), eol: '' })
  return lines
}

function countEols(lines: Line[]): Record<Eol, number> {
  const counts: Record<Eol, number> = { '\n': 0, '\r\n': 0, '\r': 0 }
  for (const line of lines) if (line.eol !== '') counts[line.eol] += 1
  return counts
}

function classify(counts: Record<Eol, number>): TextFormat['eol'] {
  const kinds = (Object.keys(counts) as Eol[]).filter((k) => counts[k] > 0)
  if (kinds.length > 1) return 'mixed'
  if (kinds[0] === '\r\n') return 'crlf'
  if (kinds[0] === '\r') return 'cr'
  return 'lf'
}

function dominant(counts: Record<Eol, number>): Eol {
  const order: Eol[] = ['\n', '\r\n', '\r']
  return order.reduce((best, k) => (counts[k] > counts[best] ? k : best), '\n')
}

/**
 * Decodes a file's bytes to the LF text the editor holds (BOM removed) plus the format needed to restore it.
 * Fails with BINARY when the bytes hold a NUL, ENCODING when they are not valid UTF-8, naming where.
 */
export function decodeText(bytes: Uint8Array): Result<{ text: string; format: TextFormat }> {
  const problem = textProblemOf(bytes)
  if (problem !== null) return fail(problem.code, `${problem.message.slice(0, -1)} (line ${problem.line}, column ${problem.column}).`)
  const bom = hasBom(bytes)
  const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes)
  const eol = classify(countEols(splitLines(raw)))
  return ok({ text: raw.replace(/\r\n?/g, '\n'), format: { hasBom: bom, eol } })
}

/** Lossy decoding for read-only display: invalid bytes become U+FFFD, line breaks become LF. Never saved. */
export function decodeLossy(bytes: Uint8Array): string {
  const raw = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes)
  return raw.replace(/\r\n?/g, '\n')
}

/** The lines of the original bytes, or undefined when they are not text (then breaks cannot be carried over). */
function originalLines(original: Uint8Array): Line[] | undefined {
  if (original.includes(0)) return undefined
  try {
    return splitLines(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(hasBom(original) ? original.subarray(3) : original))
  } catch (error) {
    // NOTE: invalid UTF-8 on disk: fall back to LF breaks rather than guess.
    if (error instanceof TypeError) return undefined
    throw error
  }
}

/** Gives every line of `next` the break of the matching unchanged line of `prev`, others `fallback`. */
function carryBreaks(prev: Line[], nextContents: string[], fallback: Eol): string {
  const out: string[] = []
  const push = (content: string, index: number, eol: Eol | ''): void => {
    const isLast = index === nextContents.length - 1
    out.push(content, isLast ? '' : eol === '' ? fallback : eol)
  }
  let head = 0
  while (head < prev.length && head < nextContents.length && prev[head].content === nextContents[head]) head += 1
  let tail = 0
  while (
    tail < prev.length - head &&
    tail < nextContents.length - head &&
    prev[prev.length - 1 - tail].content === nextContents[nextContents.length - 1 - tail]
  ) tail += 1
  for (let i = 0; i < head; i += 1) push(nextContents[i], i, prev[i].eol)
  const prevMid = prev.slice(head, prev.length - tail)
  const nextMid = nextContents.slice(head, nextContents.length - tail)
  const changes = diffArrays(prevMid.map((l) => l.content), nextMid, { maxEditLength: MAX_EDIT_LENGTH })
  let pi = 0
  let ni = head
  if (changes === undefined) {
    for (const content of nextMid) push(content, ni++, fallback)
  } else {
    for (const change of changes) {
      if (change.removed) pi += change.count
      else if (change.added) for (const content of change.value) push(content, ni++, fallback)
      else for (const content of change.value) push(content, ni++, prevMid[pi++].eol)
    }
  }
  const tailStart = prev.length - tail
  for (let i = 0; i < tail; i += 1) push(nextContents[ni], ni++, prev[tailStart + i].eol)
  return out.join('')
}

/**
 * Encodes the editor's LF text back to bytes, restoring the BOM and line breaks of `format`. For `mixed`, each line
 * unchanged from `original` (the bytes on disk) keeps its own break and new lines get the most common one.
 * Without a usable `original`, `mixed` writes LF. Whether the file ends with a line break is whatever `text` says.
 */
export function encodeText(text: string, format: TextFormat, original?: Uint8Array): Uint8Array {
  let body: string
  if (format.eol !== 'mixed') {
    body = format.eol === 'lf' ? text : text.replace(/\n/g, eolChars[format.eol])
  } else {
    const prev = original === undefined ? undefined : originalLines(original)
    body = prev === undefined ? text : carryBreaks(prev, text.split('\n'), dominant(countEols(prev)))
  }
  const encoded = new TextEncoder().encode(body)
  if (!format.hasBom) return encoded
  const withBom = new Uint8Array(encoded.length + 3)
  withBom.set(BOM, 0)
  withBom.set(encoded, 3)
  return withBom
}

import { isUtf8 } from 'node:buffer'

// NOTE: its own module, without file-codec's diff library: the index worker checks every file it reads with it.

/** Why a file's bytes are not text Folio can edit, and where the first bad byte is (1-based line and column). */
export interface TextProblem {
  code: 'BINARY' | 'ENCODING'
  message: string
  line: number
  column: number
}

/** How many bytes the UTF-8 sequence led by `lead` holds; 0 when `lead` cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1
  if (lead >= 0xc2 && lead <= 0xdf) return 2
  if (lead >= 0xe0 && lead <= 0xef) return 3
  if (lead >= 0xf0 && lead <= 0xf4) return 4
  return 0
}

/** The offset of the first byte that does not start a valid UTF-8 sequence (the bytes are known to be invalid). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes[i])
    // NOTE: isUtf8 judges each candidate sequence: it refuses overlong forms, surrogates and cut-off endings.
    if (length === 0 || i + length > bytes.length || !isUtf8(bytes.subarray(i, i + length))) return i
    i += length
  }
  return bytes.length
}

/** Line and column (1-based, the column in UTF-16 units as the editor counts) of byte `offset` in valid UTF-8 `bytes`. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: Buffer.from(bytes.buffer, bytes.byteOffset + lineStart, offset - lineStart).toString('utf8').length + 1 }
}

/** Null when `bytes` are UTF-8 text; else BINARY at the first NUL byte, or ENCODING at the first invalid byte. */
export function textProblemOf(bytes: Uint8Array): TextProblem | null {
  const nul = bytes.indexOf(0)
  if (nul !== -1) return { code: 'BINARY', message: 'The file holds binary data (NUL bytes), not text.', ...positionOf(bytes, nul) }
  if (isUtf8(bytes)) return null
  return { code: 'ENCODING', message: 'The file is not valid UTF-8 text.', ...positionOf(bytes, firstInvalidUtf8(bytes)) }
}

import fs from 'node:fs'
import path from 'node:path'
import { decodeText, encodeText, decodeLossy } from '../../../src/core/file-codec'
import { textProblemOf } from '../../../src/core/text-problem'
import { listAllFiles, makeCorpus, removeTempDir } from './corpus'
import { sampleArticlePath } from '../../support/corpus-tool'

const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
const bom = (s: string): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...enc(s)])
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b))

function roundTrip(bytes: Uint8Array): Uint8Array {
  const decoded = decodeText(bytes)
  if (!decoded.ok) throw new Error(decoded.error.message)
  return encodeText(decoded.value.text, decoded.value.format, bytes)
}

const handCases: Record<string, Uint8Array> = {
  empty: enc(''),
  lf: enc('---\ntitle: a\n---\n\nbody\n'),
  crlf: enc('---\r\ntitle: a\r\n---\r\n\r\nbody\r\n'),
  cr: enc('a\rb\rc\r'),
  mixed: enc('a\r\nb\nc\rd\r\n\ne'),
  bomLf: bom('title\nbody\n'),
  bomCrlf: bom('title\r\nbody'),
  noFinalNewline: enc('a\nb'),
  onlyNewlines: enc('\r\n\n\r\r\n'),
  nbspLines: enc('para\n\u00a0\nnext \u00a0\n'),
  doubleBom: bom('\ufeffx\n'),
  crAtEnd: enc('x\r\n\r'),
}

describe('decodeText', () => {
  it('detects BOM and each kind of line break', () => {
    const format = (b: Uint8Array): unknown => (decodeText(b) as { value: { format: unknown } }).value.format
    expect(format(handCases.lf)).toEqual({ hasBom: false, eol: 'lf' })
    expect(format(handCases.crlf)).toEqual({ hasBom: false, eol: 'crlf' })
    expect(format(handCases.cr)).toEqual({ hasBom: false, eol: 'cr' })
    expect(format(handCases.mixed)).toEqual({ hasBom: false, eol: 'mixed' })
    expect(format(handCases.bomCrlf)).toEqual({ hasBom: true, eol: 'crlf' })
    expect(format(handCases.empty)).toEqual({ hasBom: false, eol: 'lf' })
  })

  it('gives LF text without the BOM', () => {
    expect(decodeText(handCases.bomCrlf)).toEqual({ ok: true, value: { text: 'title\nbody', format: { hasBom: true, eol: 'crlf' } } })
    expect(decodeText(handCases.mixed)).toMatchObject({ ok: true, value: { text: 'a\nb\nc\nd\n\ne' } })
  })

  it('refuses invalid UTF-8 with ENCODING and NUL bytes with BINARY', () => {
    expect(decodeText(new Uint8Array([0x61, 0xff, 0x62]))).toMatchObject({ ok: false, error: { code: 'ENCODING' } })
    expect(decodeText(new Uint8Array([0xc3]))).toMatchObject({ ok: false, error: { code: 'ENCODING' } })
    expect(decodeText(new Uint8Array([0x61, 0x00, 0x62]))).toMatchObject({ ok: false, error: { code: 'BINARY' } })
  })

  it('names the line and column of the first byte that is not UTF-8 text', () => {
    const bytes = (...parts: (string | number[])[]): Uint8Array => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)))
    expect(textProblemOf(bom('---\ntitle: "é"\n---\n'))).toBeNull()
    expect(textProblemOf(bytes('ab\ncd', [0xff]))).toEqual({ code: 'ENCODING', message: 'The file is not valid UTF-8 text.', line: 2, column: 3 })
    // NOTE: the column counts characters as the editor does: "日本" is two, whatever its bytes.
    expect(textProblemOf(bytes('x\n日本', [0xc3, 0x28]))).toMatchObject({ code: 'ENCODING', line: 2, column: 3 })
    expect(textProblemOf(bytes('a', [0xc0, 0xaf]))).toMatchObject({ code: 'ENCODING', line: 1, column: 2 }) // overlong "/"
    expect(textProblemOf(bytes('ab', [0xed, 0xa0, 0x80]))).toMatchObject({ code: 'ENCODING', line: 1, column: 3 }) // a surrogate
    expect(textProblemOf(bytes('abc', [0xe6, 0x97]))).toMatchObject({ code: 'ENCODING', line: 1, column: 4 }) // cut off at the end
    expect(textProblemOf(bytes([0x89], 'PNG\r\n', [0x1a, 0x0a, 0x00, 0x00]))).toEqual({ code: 'BINARY', message: 'The file holds binary data (NUL bytes), not text.', line: 3, column: 1 })
    expect(decodeText(bytes('ab\ncd', [0xff]))).toMatchObject({ ok: false, error: { message: 'The file is not valid UTF-8 text (line 2, column 3).' } })
  })

  it('decodes lossily for read-only display', () => {
    expect(decodeLossy(new Uint8Array([0x61, 0xff, 0x0d, 0x0a]))).toBe('a\ufffd\n')
  })
})

describe('encodeText', () => {
  it.each(Object.entries(handCases))('round-trips %s byte for byte', (_name, bytes) => {
    expect(same(roundTrip(bytes), bytes)).toBe(true)
  })

  it('round-trips the shared sample article', () => {
    const bytes = new Uint8Array(fs.readFileSync(sampleArticlePath))
    expect(same(roundTrip(bytes), bytes)).toBe(true)
  })

  it('restores CRLF and BOM on edited text', () => {
    expect(Buffer.from(encodeText('a\nB\n', { hasBom: true, eol: 'crlf' })).toString()).toBe('\ufeffa\r\nB\r\n')
    expect(Buffer.from(encodeText('a\nb', { hasBom: false, eol: 'cr' })).toString()).toBe('a\rb')
  })

  it('keeps each unchanged line break of a mixed file and gives new lines the dominant one', () => {
    const original = enc('one\r\ntwo\nthree\r\nfour\r\nfive\n')
    const out = encodeText('one\ntwo\nnew\nthree\nfour\nFIVE\nsix', { hasBom: false, eol: 'mixed' }, original)
    expect(Buffer.from(out).toString()).toBe('one\r\ntwo\nnew\r\nthree\r\nfour\r\nFIVE\r\nsix')
  })

  it('follows the text for the final newline', () => {
    const original = enc('a\r\nb\nc\r\nd')
    expect(Buffer.from(encodeText('a\nb\nc\nd\n', { hasBom: false, eol: 'mixed' }, original)).toString()).toBe('a\r\nb\nc\r\nd\r\n')
    expect(Buffer.from(encodeText('a\nb', { hasBom: false, eol: 'mixed' }, enc('a\r\nb\n'))).toString()).toBe('a\r\nb')
  })
})

describe('codec over a generated corpus', () => {
  let dir = ''
  beforeAll(() => {
    dir = makeCorpus(300, 12)
  })
  afterAll(() => removeTempDir(dir))

  it('decode then encode is byte-identical for every text file', () => {
    const files = listAllFiles(dir).filter((f) => f.endsWith('.md'))
    expect(files.length).toBeGreaterThan(300)
    let checked = 0
    let refused = 0
    for (const file of files) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, file)))
      const decoded = decodeText(bytes)
      if (!decoded.ok) {
        refused += 1
        expect(file).toMatch(/^content\/broken\//)
        continue
      }
      const out = encodeText(decoded.value.text, decoded.value.format, bytes)
      expect(same(out, bytes), file).toBe(true)
      checked += 1
    }
    expect(checked).toBeGreaterThan(300)
    expect(refused).toBeGreaterThan(0)
  })
})

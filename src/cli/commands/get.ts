import path from 'node:path'
import { formatPath, lineColumnAt, parseFrontMatter, valueAt, type FrontMatterValue, type KeyPath } from '@shared/front-matter'
import { hugoReadsNumber, inexactNumbers, type WrittenNumber } from '@shared/front-matter/number-text'
import { displayPath, loadArticle } from '../article-io'
import { exitCode, type CliCommand, type CliIo } from '../command'
import { parseKeyPath } from '../key-path-arg'

const usage = 'get <file> [key.path] [--json]   print the front matter (or one value) as JSON; numbers a double cannot hold (12345678901234567890, .inf) as typed, or with --json as text with a warning'

function isWithin(prefix: KeyPath, path: KeyPath): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => step === path[i])
}

/** `value` with the number at `at` (relative to it) replaced by `marker`. */
function replaced(value: FrontMatterValue, at: KeyPath, marker: string): FrontMatterValue {
  if (at.length === 0) return marker
  if (value === null || typeof value !== 'object') return value
  const [step, ...rest] = at
  if (Array.isArray(value)) return value.map((item, i) => (i === step ? replaced(item, rest, marker) : item))
  const out: Record<string, FrontMatterValue> = {}
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: k === step ? replaced(v, rest, marker) : v, enumerable: true, writable: true, configurable: true })
  return out
}

/**
 * The JSON text of `value` (found at `keyPath`) with each number a double cannot hold exactly written as typed, or
 * with `isStrictJson` as a JSON string (a JSON reader could not hold it either).
 */
function render(value: FrontMatterValue, keyPath: KeyPath, numbers: WrittenNumber[], isStrictJson: boolean): string {
  const inside = numbers.filter((n) => isWithin(keyPath, n.path))
  if (inside.length === 1 && inside[0].path.length === keyPath.length && !isStrictJson) return inside[0].source
  let marked = value
  const markers = inside.map((n, i) => {
    const marker = `\u0001folio-number-${i}\u0001`
    marked = replaced(marked, n.path.slice(keyPath.length), marker)
    return { marker: JSON.stringify(marker), text: isStrictJson ? JSON.stringify(n.source) : n.source }
  })
  let out = JSON.stringify(marked, null, 2)
  for (const m of markers) out = out.split(m.marker).join(m.text)
  return out
}

function warnInexact(io: CliIo, shown: string, text: string, format: Parameters<typeof hugoReadsNumber>[2], numbers: WrittenNumber[]): void {
  for (const n of numbers) {
    const { line, column } = lineColumnAt(text, n.from)
    io.stderr(`${shown}:${line}:${column}: warning: ${formatPath(n.path)} is ${n.source}, which a JSON number cannot hold exactly, so it is given as the text "${n.source}"; ${hugoReadsNumber(n.source, n.value, format)}\n`)
  }
}

/** `folio get`: prints a value as JSON; exit 1 when the front matter has errors or the key is missing. */
export const getCommand: CliCommand = {
  name: 'get',
  usage,
  async run(args, io) {
    const isStrictJson = args.includes('--json')
    const [file, key, ...extra] = args.filter((a) => a !== '--json')
    const keyPath = key === undefined ? null : parseKeyPath(key)
    if (file === undefined || file.startsWith('--') || extra.length > 0 || (keyPath !== null && !keyPath.ok)) {
      const why = keyPath !== null && !keyPath.ok ? keyPath.error.message : file === undefined ? 'missing <file>' : 'too many arguments'
      io.stderr(`folio get: ${why}\nusage: folio ${usage}\n`)
      return exitCode.usage
    }
    const abs = path.resolve(io.cwd, file)
    const shown = displayPath(io.cwd, abs)
    const loaded = await loadArticle(abs, shown)
    if (!loaded.ok) {
      io.stderr(`folio get: ${loaded.error.message}\n`)
      return loaded.error.code === 'NOT_FOUND' ? exitCode.usage : exitCode.content
    }
    const text = loaded.value.text
    const parsed = parseFrontMatter(text)
    const error = parsed.errors[0]
    if (error) {
      io.stderr(`${shown}:${error.line}:${error.column}: error: ${error.message}\n`)
      return exitCode.content
    }
    const at = keyPath?.ok ? keyPath.value : []
    const value = at.length === 0 ? parsed.data : valueAt(parsed.data, at)
    if (value === undefined) {
      io.stderr(`folio get: ${shown} has no ${formatPath(at)}\n`)
      return exitCode.content
    }
    // NOTE: JSON.stringify would print 12345678901234567890 as 12345678901234567000 and .inf as null.
    const numbers = inexactNumbers(text).filter((n) => isWithin(at, n.path))
    if (isStrictJson && parsed.format !== 'none') warnInexact(io, shown, text, parsed.format, numbers)
    io.stdout(render(value, at, numbers, isStrictJson) + '\n')
    return exitCode.ok
  },
}

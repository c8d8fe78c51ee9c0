import { detectBlock } from '../front-matter/detect'
import { fail, ok, type Result } from '../result'

/** Where a folder-wide replace looks: the body, the front matter (between its fences) or both. */
export type ReplaceScope = 'body' | 'front-matter' | 'all'

/** What to find and what to put instead; `replace` may use `$1`, `$<name>`, `$&` and `$$` when `isRegex`. */
export interface ReplaceQuery {
  find: string
  replace: string
  isRegex: boolean
  isCaseSensitive: boolean
  isWholeWord: boolean
  scope: ReplaceScope
}

/** One match in an article's LF text and what it becomes; `line` and `column` are 1-based. */
export interface ReplaceMatch {
  from: number
  to: number
  line: number
  column: number
  found: string
  replacement: string
}

/** The longest pattern or replacement accepted (a guard for what the renderer and CLI send). */
export const maxReplacePatternLength = 1000

/**
 * Compiles the query to a global regular expression (`u` flag; `i` unless case-sensitive; whole word bounds by
 * Unicode letters, digits and `_`). INVALID_ARGUMENT for an empty find or an invalid pattern.
 */
export function compileReplaceQuery(query: ReplaceQuery): Result<RegExp> {
  if (query.find === '') return fail('INVALID_ARGUMENT', 'Type something to find.')
  if (query.find.length > maxReplacePatternLength || query.replace.length > maxReplacePatternLength) {
    return fail('INVALID_ARGUMENT', `The find and replace texts may be at most ${maxReplacePatternLength} characters.`)
  }
  const body = query.isRegex ? query.find : query.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const source = query.isWholeWord ? `(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])` : body
  try {
    return ok(new RegExp(source, query.isCaseSensitive ? 'gmu' : 'gimu'))
  } catch (error) {
    return fail('INVALID_ARGUMENT', `Not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/** The ranges of `text` the scope covers: the body after the front matter, the block's content, or both. */
export function scopeRanges(text: string, scope: ReplaceScope): [number, number][] {
  const found = detectBlock(text)
  const block = found.kind === 'block' ? found.block : null
  const body: [number, number] = [block?.to ?? 0, text.length]
  const frontMatter: [number, number] | null = block ? [block.contentFrom, block.contentTo] : null
  if (scope === 'body') return [body]
  if (scope === 'front-matter') return frontMatter ? [frontMatter] : []
  return frontMatter ? [frontMatter, body] : [body]
}

/**
 * Every match of `regex` in the scope of `text`, in order, with its replacement. Matches never cross a scope's
 * bounds (a front-matter fence is never part of one); an empty match is kept once per position.
 */
export function findReplaceMatches(text: string, regex: RegExp, query: Pick<ReplaceQuery, 'replace' | 'isRegex' | 'scope'>, limit = Number.POSITIVE_INFINITY): ReplaceMatch[] {
  const matches: ReplaceMatch[] = []
  const lines = new LineCounter(text)
  for (const [from, to] of scopeRanges(text, query.scope)) {
    // NOTE: the scope is searched as its own string so `^`, `$` and lookarounds see its bounds, not the fences.
    const part = text.slice(from, to)
    regex.lastIndex = 0
    for (let m = regex.exec(part); m !== null && matches.length < limit; m = regex.exec(part)) {
      if (m[0] === '') regex.lastIndex = advance(part, regex.lastIndex)
      const at = from + m.index
      const { line, column } = lines.at(at)
      matches.push({ from: at, to: at + m[0].length, line, column, found: m[0], replacement: query.isRegex ? expandReplacement(query.replace, m) : query.replace })
    }
  }
  return matches
}

/** `text` with the chosen matches replaced (all when `chosen` is absent); bytes outside the matches are untouched. */
export function applyReplaceMatches(text: string, matches: readonly ReplaceMatch[], chosen?: ReadonlySet<number>): string {
  let out = ''
  let at = 0
  matches.forEach((m, i) => {
    if (chosen !== undefined && !chosen.has(i)) return
    out += text.slice(at, m.from) + m.replacement
    at = m.to
  })
  return out + text.slice(at)
}

/** Expands `$1`…`$99`, `$<name>`, `$&` and `$$` in a replacement template as String.prototype.replace does. */
export function expandReplacement(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(\$|&|<([^>]*)>|(\d{1,2}))/g, (whole, token: string, name: string | undefined, digits: string | undefined) => {
    if (token === '$') return '$'
    if (token === '&') return match[0]
    if (name !== undefined) return match.groups?.[name] ?? ''
    const index = Number(digits)
    if (index >= 1 && index < match.length) return match[index] ?? ''
    // NOTE: `$12` with only one group is `$1` then "2", as in String.prototype.replace.
    if (digits !== undefined && digits.length === 2 && Number(digits[0]) >= 1 && Number(digits[0]) < match.length) return (match[Number(digits[0])] ?? '') + digits[1]
    return whole
  })
}

function advance(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return index + (code >= 0xd800 && code <= 0xdbff ? 2 : 1)
}

/** Line and column of ascending offsets, in one pass over the text. */
class LineCounter {
  private line = 1
  private lineStart = 0
  private scanned = 0

  constructor(private readonly text: string) {}

  at(offset: number): { line: number; column: number } {
    if (offset < this.scanned) {
      this.line = 1
      this.lineStart = 0
      this.scanned = 0
    }
    for (let i = this.text.indexOf('\n', this.scanned); i !== -1 && i < offset; i = this.text.indexOf('\n', i + 1)) {
      this.line++
      this.lineStart = i + 1
    }
    this.scanned = offset
    return { line: this.line, column: offset - this.lineStart + 1 }
  }
}

import type { FrontMatterBlock } from './types'
import type { RawProblem } from './yaml-read'

/**
 * The parse budget of one front-matter block. A block is read by every part of Folio (index workers, the editor,
 * export, the CLI), so a hostile one must cost little everywhere: its size, its nesting and what YAML aliases may
 * add are capped, and what exceeds a cap is an error at a position, never a hang or an out-of-memory.
 */
export const frontMatterBudget = {
  /** Characters inside the fences. Real front matter is a few KB; the YAML library parses ~1 MB a second. */
  maxChars: 256 * 1024,
  /**
   * Values that YAML aliases may add when expanded, all together; a document with more nodes may add as many as it
   * has (a 503-byte alias bomb would add billions).
   */
  maxAliasValues: 10_000,
  /** Nesting of lists and mappings; past this the parsers (or what reads their result) run out of stack. */
  maxDepth: 200,
} as const

/** An error when the block is larger than the budget allows (at its first character), else null. */
export function oversizeProblem(block: FrontMatterBlock): RawProblem | null {
  const size = block.contentTo - block.contentFrom
  if (size <= frontMatterBudget.maxChars) return null
  const kb = Math.round(frontMatterBudget.maxChars / 1024)
  return { offset: block.contentFrom, message: `the front matter is larger than ${kb} KB (${Math.ceil(size / 1024)} KB); Folio does not read front matter that large` }
}

/** The first budget the block exceeds before it is parsed (size; for JSON, nesting), as an error; null when within. */
export function budgetProblem(text: string, block: FrontMatterBlock): RawProblem | null {
  const oversize = oversizeProblem(block)
  if (oversize !== null || block.format !== 'json') return oversize
  return jsonNestingProblem(text.slice(block.contentFrom, block.contentTo), block.contentFrom)
}

/**
 * An error at the first bracket nested deeper than the budget in a JSON-like source (strings skipped), else null.
 * NOTE: jsonc-parser recurses per level and would overflow the stack on a few thousand brackets.
 */
export function jsonNestingProblem(source: string, base: number): RawProblem | null {
  let depth = 0
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i)
    if (c === 34) {
      for (i++; i < source.length && source.charCodeAt(i) !== 34; i++) if (source.charCodeAt(i) === 92) i++
    } else if (c === 91 || c === 123) {
      if (++depth > frontMatterBudget.maxDepth) return { offset: base + i, message: tooDeepMessage() }
    } else if (c === 93 || c === 125) depth--
  }
  return null
}

/** The message for a value nested past the budget. */
export function tooDeepMessage(): string {
  return `values are nested more than ${frontMatterBudget.maxDepth} levels deep; Folio does not read front matter nested that deep`
}

import { budgetProblem } from './budget'
import { detectBlock } from './detect'
import { entriesOfFields } from '../hugo/entries'
import { hugoFieldWarnings } from '../hugo/warnings'
import { parseJsonBlock } from './json-parse'
import { lineColumnAt } from './text-position'
import { parseTomlBlock } from './toml-parse'
import type { Diagnostic, FrontMatterBlock, FrontMatterFormat, FrontMatterValue, ParsedFrontMatter } from './types'
import { parseYamlBlock, type BlockParse } from './yaml-parse'
import type { RawProblem } from './yaml-read'

function parseBlock(text: string, block: FrontMatterBlock, withDetails: boolean): BlockParse {
  const overBudget = budgetProblem(text, block)
  if (overBudget !== null) return { data: {}, fields: [], errors: [overBudget], warnings: [] }
  if (block.format === 'yaml') return parseYamlBlock(text, block, withDetails)
  if (block.format === 'toml') return parseTomlBlock(text, block, withDetails)
  return parseJsonBlock(text, block, withDetails)
}

function diagnostic(text: string, severity: Diagnostic['severity'], problem: RawProblem): Diagnostic {
  return { severity, message: problem.message, offset: problem.offset, ...lineColumnAt(text, problem.offset) }
}

/** The rulebook's warnings about top-level values Hugo reads otherwise (dates it drops, switches, text keys). */
function fieldWarnings(text: string, format: FrontMatterBlock['format'], fields: BlockParse['fields']): RawProblem[] {
  return hugoFieldWarnings(entriesOfFields(text, fields), format).map((w) => ({ offset: fields[w.entry]?.valueFrom ?? 0, message: w.message }))
}

/** A closing fence with more on its line (`----`): Hugo ends the block at its first three characters. */
function fenceWarning(text: string, block: FrontMatterBlock): RawProblem | null {
  if (block.format === 'json' || block.to === text.length || text[block.to - 1] === '\n') return null
  const rest = text.slice(block.to, text.indexOf('\n', block.to) === -1 ? text.length : text.indexOf('\n', block.to)).replace(/\r$/, '')
  if (rest.trim() === '') return null
  return { offset: block.contentTo, message: `Hugo ends the front matter at the first three characters of this line; the rest ("${rest}") starts the article's body` }
}

/**
 * Finds and parses the front matter at the top of `text` (YAML `---`, TOML `+++` or a JSON object).
 * Never throws on bad input: problems come back as diagnostics positioned in `text`; `data` is empty when there are errors.
 */
export function parseFrontMatter(text: string): ParsedFrontMatter {
  const found = detectBlock(text)
  if (found.kind === 'none') return { format: 'none', block: null, data: {}, fields: [], errors: [], warnings: [] }
  if (found.kind === 'unterminated') {
    const error = diagnostic(text, 'error', { offset: found.from, message: found.message })
    return { format: found.format, block: null, data: {}, fields: [], errors: [error], warnings: [] }
  }
  const parsed = parseBlock(text, found.block, true)
  const fence = fenceWarning(text, found.block)
  if (fence !== null) parsed.warnings.push(fence)
  return {
    format: found.block.format,
    block: found.block,
    data: parsed.data,
    fields: parsed.fields,
    errors: parsed.errors.map((p) => diagnostic(text, 'error', p)),
    warnings: [...parsed.warnings, ...fieldWarnings(text, found.block.format, parsed.fields)].sort((a, b) => a.offset - b.offset).map((p) => diagnostic(text, 'warning', p)),
  }
}

/** The cheap read for indexing: the format, the plain data and the first error, without fields, ranges or warnings. */
export function readFrontMatterData(text: string): { format: FrontMatterFormat; data: Record<string, FrontMatterValue>; error: Diagnostic | null } {
  const found = detectBlock(text)
  if (found.kind === 'none') return { format: 'none', data: {}, error: null }
  if (found.kind === 'unterminated') {
    return { format: found.format, data: {}, error: diagnostic(text, 'error', { offset: found.from, message: found.message }) }
  }
  const parsed = parseBlock(text, found.block, false)
  const first = parsed.errors[0]
  return { format: found.block.format, data: parsed.data, error: first ? diagnostic(text, 'error', first) : null }
}

/** Block, data and errors without fields or warnings: what an edit needs to check itself. */
export function parseForEdit(text: string): Pick<ParsedFrontMatter, 'format' | 'block' | 'data' | 'errors'> {
  const found = detectBlock(text)
  if (found.kind === 'none') return { format: 'none', block: null, data: {}, errors: [] }
  if (found.kind === 'unterminated') {
    return { format: found.format, block: null, data: {}, errors: [diagnostic(text, 'error', { offset: found.from, message: found.message })] }
  }
  const parsed = parseBlock(text, found.block, false)
  return { format: found.block.format, block: found.block, data: parsed.data, errors: parsed.errors.map((p) => diagnostic(text, 'error', p)) }
}

/**
 * Reads a whole text as one document of `format` (a site config file), with the front-matter parsers and their
 * rules: the plain data, or the first error positioned in `text`.
 */
export function readDocumentData(text: string, format: FrontMatterBlock['format']): { data: Record<string, FrontMatterValue>; error: Diagnostic | null } {
  const block: FrontMatterBlock = { format, from: 0, to: text.length, contentFrom: 0, contentTo: text.length }
  const parsed = parseBlock(text, block, false)
  const first = parsed.errors[0]
  return { data: first ? {} : parsed.data, error: first ? diagnostic(text, 'error', first) : null }
}

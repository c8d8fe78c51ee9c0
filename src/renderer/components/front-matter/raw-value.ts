import type { Text } from '@codemirror/state'

/**
 * The source text of a value for display: a block value (starting on its own line) keeps its first line's
 * indentation, then the common indentation of all lines is removed so nested YAML reads naturally.
 */
export function rawValueText(doc: Text, from: number, to: number): string {
  const line = doc.lineAt(from)
  const before = doc.sliceString(line.from, from)
  const start = /^[ \t]*$/.test(before) ? line.from : from
  return dedent(doc.sliceString(start, to))
}

function dedent(text: string): string {
  const lines = text.split('\n')
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0)
  const common = indents.length > 0 ? Math.min(...indents) : 0
  return common === 0 ? text : lines.map((l) => l.slice(Math.min(common, /^[ \t]*/.exec(l)?.[0].length ?? 0))).join('\n')
}

import { diffArrays } from 'diff'

/** One side's change against the base: base lines [start, end) become `lines`. */
interface Hunk {
  start: number
  end: number
  lines: string[]
}

/** The outcome of a three-way merge: the text keeping both sides' changes, or the number of clashing regions. */
export type MergeOutcome = { kind: 'merged'; text: string } | { kind: 'conflict'; conflicts: number }

/** The changes that turn `base` into `other`, in base line coordinates, in order. */
function hunksOf(base: string[], other: string[]): Hunk[] {
  const hunks: Hunk[] = []
  let index = 0
  let open: Hunk | null = null
  for (const part of diffArrays(base, other)) {
    if (!part.added && !part.removed) {
      if (open) hunks.push(open)
      open = null
      index += part.value.length
      continue
    }
    open ??= { start: index, end: index, lines: [] }
    if (part.removed) {
      index += part.value.length
      open.end = index
    } else open.lines.push(...part.value)
  }
  if (open) hunks.push(open)
  return hunks
}

const isSame = (a: Hunk, b: Hunk): boolean => a.start === b.start && a.end === b.end && a.lines.join('\n') === b.lines.join('\n')

/**
 * True when two changes cannot both apply: their base ranges overlap, or one inserts at a point inside or at an
 * edge of the other (the order of the two would be a guess). Changes to adjacent but distinct lines do not clash.
 */
function clashes(a: Hunk, b: Hunk): boolean {
  if (a.start === a.end || b.start === b.end) return a.start <= b.end && b.start <= a.end
  return a.start < b.end && b.start < a.end
}

/**
 * Merges two edits of the same base text line by line (LF text): when "mine" and "theirs" change different lines
 * (e.g. different front-matter keys, or separate paragraphs) the result has both; identical changes count once.
 * Any overlapping change is a conflict and nothing is merged, so the caller never gets a guessed text.
 */
export function mergeThreeWay(base: string, mine: string, theirs: string): MergeOutcome {
  if (mine === theirs) return { kind: 'merged', text: mine }
  if (mine === base) return { kind: 'merged', text: theirs }
  if (theirs === base) return { kind: 'merged', text: mine }
  const baseLines = base.split('\n')
  const ours = hunksOf(baseLines, mine.split('\n'))
  const their = hunksOf(baseLines, theirs.split('\n'))
  let conflicts = 0
  const kept: Hunk[] = [...ours]
  for (const hunk of their) {
    const clash = ours.filter((o) => clashes(o, hunk))
    if (clash.length === 0) kept.push(hunk)
    else if (!(clash.length === 1 && isSame(clash[0], hunk))) conflicts += 1
  }
  if (conflicts > 0) return { kind: 'conflict', conflicts }
  kept.sort((a, b) => a.start - b.start || a.end - b.end)
  const out: string[] = []
  let index = 0
  for (const hunk of kept) {
    out.push(...baseLines.slice(index, hunk.start), ...hunk.lines)
    index = hunk.end
  }
  out.push(...baseLines.slice(index))
  return { kind: 'merged', text: out.join('\n') }
}
